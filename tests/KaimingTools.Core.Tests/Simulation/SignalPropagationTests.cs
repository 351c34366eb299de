using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using KaimingTools.Distributions;
using KaimingTools.Simulation;

namespace KaimingTools.Tests.Simulation
{
    // He et al. 2015 (arXiv:1502.01852) §2.2, checked by simulation with fixed seeds.
    //
    // Tolerances. With finite width n the variance does not stay exactly constant: each layer multiplies it
    // by a random factor with mean 1, so ln Var[y_L]/Var[y_1] performs a random walk whose variance is about
    // 5·Σ 1/n_l for ReLU (Hanin & Nica 2019, "Products of many large random matrices and gradients in deep
    // neural networks"). For L = 29 steps at n = 256 that is σ ≈ √(5·29/256) ≈ 0.75, so a 4σ band on
    // ln(ratio) is ±3.0 and on the per-layer rate ratio^(1/29) it is e^(±0.104) — hence the per-layer
    // band [0.90, 1.11] below. It separates the claims sharply: Xavier's rate is 1/2, a fixed std of 0.01
    // gives 0.0128, a wrong gain (1 instead of √2) would also give 1/2.
    public class SignalPropagationTests
    {
        private const int Depth = 30;
        private const int Width = 256;
        private const int Batch = 64;
        private static readonly ulong[] Seeds = { 1, 2, 3 };

        private static double PerLayerRate(double ratio) => Math.Pow(ratio, 1.0 / (Depth - 1));

        private static SignalPropagationResult Run(Initializer init, ulong seed, int width = Width) =>
            SignalPropagation.Run(new SimulatedNetwork(Depth, width), WeightSource.From(init), seed, Batch);

        [Fact]
        public void Kaiming_fan_in_keeps_the_forward_variance_of_a_30_layer_relu_net()
        {
            foreach (ulong seed in Seeds)
            {
                SignalPropagationResult r = Run(Initializer.Kaiming(), seed);

                // First layer (the paper's remark after eq. 10): its input x_0 ~ N(0, 1) is not a ReLU output,
                // so Var[y_1] = n·Var[w]·E[x_0²] = n·(2/n)·1 = 2, with no factor ½.
                Assert.InRange(r.Layers[0].ActivationVariance, 1.94, 2.06);
                Assert.InRange(PerLayerRate(r.ActivationRatio), 0.90, 1.11);
                Assert.InRange(Math.Log(r.ActivationRatio), -3.0, 3.0);
            }
        }

        [Fact]
        public void Xavier_halves_a_relu_nets_variance_per_layer_so_it_shrinks_like_2_to_the_minus_L()
        {
            foreach (ulong seed in Seeds)
            {
                // Var[w] = 2/(n + n) = 1/n, so ½·n·Var[w] = ½ per layer (eq. 9 with Xavier's variance).
                SignalPropagationResult r = Run(Initializer.Xavier(DistributionKind.Normal), seed);
                Assert.InRange(r.Layers[0].ActivationVariance, 0.97, 1.03);
                Assert.InRange(PerLayerRate(r.ActivationRatio), 0.45, 0.55);
                Assert.InRange(Math.Log(r.ActivationRatio / Math.Pow(2, -(Depth - 1))), -3.0, 3.0); // 2^-29 ≈ 1.9e-9
                Assert.InRange(PerLayerRate(r.GradientRatio), 0.45, 0.55);
            }
        }

        [Fact]
        public void A_fixed_std_of_0_01_makes_the_signal_and_gradient_vanish()
        {
            SignalPropagationResult r = SignalPropagation.Run(new SimulatedNetwork(Depth, Width), WeightSource.FixedNormal(0.01), 7, Batch);

            // ½·n·σ² = ½·256·10⁻⁴ = 0.0128 per layer: 0.0128^29 ≈ 1.3e-55 over the net.
            Assert.Equal("Fixed std 0.01", r.Weights.Label);
            Assert.InRange(PerLayerRate(r.ActivationRatio), 0.0128 * 0.90, 0.0128 * 1.11);
            Assert.InRange(r.Layers[Depth - 1].ActivationVariance, 0, 1e-50);
            Assert.InRange(r.Layers[0].GradientVariance, 0, 1e-50);
            Assert.All(r.Layers, layer => Assert.Equal(1e-4, layer.WeightVariance, 15));
        }

        // Widths 64 → 128 → 256 → 512: fan_in and fan_out differ.
        private static SimulatedNetwork Pyramid()
        {
            var widths = new List<int> { 64 };
            for (int l = 1; l <= Depth; l++)
            {
                widths.Add(l <= 8 ? 64 : l <= 16 ? 128 : l <= 23 ? 256 : 512);
            }

            return new SimulatedNetwork(widths);
        }

        [Fact]
        public void Kaiming_fan_out_preserves_the_gradient_when_widths_change()
        {
            // Eq. 14: ½·n̂_l·Var[w_l] = 1 with n̂_l = fan_out keeps Var[Δx_l]. Averaged over 8 nets, ln of
            // Var[Δx_1]/Var[Δx_L] has σ ≈ 0.52/√8 ≈ 0.18 here (measured over 16 seeds), so ±0.6 is > 3σ,
            // while fan_in's gradient grows by d_{L−1}/d_0 = 8 (ln 8 = 2.08).
            SimulatedNetwork net = Pyramid();
            var logRatios = new List<double>();
            for (ulong seed = 1; seed <= 8; seed++)
            {
                logRatios.Add(Math.Log(SignalPropagation.Run(net, WeightSource.From(Initializer.Kaiming(mode: FanMode.FanOut)), seed, Batch).GradientRatio));
            }

            Assert.InRange(logRatios.Average(), -0.6, 0.6);
        }

        [Fact]
        public void Fan_in_and_fan_out_differ_only_by_the_constant_d_L_over_d_0()
        {
            // The c₂/d_L argument after eq. 14: with the same seed the two modes draw the same standard normals,
            // scaled per layer by √(fan_in/fan_out); a ReLU net is positively homogeneous, so the ratios change
            // by exact constants, not exponentials in L: Var[Δx_1]/Var[Δx_L] passes W_1…W_{L−1}, giving
            // ∏ d_l/d_{l−1} = d_{L−1}/d_0 = 512/64; Var[y_L]/Var[y_1] passes W_2…W_L, giving d_1/d_L = 64/512.
            SimulatedNetwork net = Pyramid();
            SignalPropagationResult fanIn = SignalPropagation.Run(net, WeightSource.From(Initializer.Kaiming()), 3, Batch);
            SignalPropagationResult fanOut = SignalPropagation.Run(net, WeightSource.From(Initializer.Kaiming(mode: FanMode.FanOut)), 3, Batch);
            Assert.Equal(8.0, fanIn.GradientRatio / fanOut.GradientRatio, 9);
            Assert.Equal(1 / 8.0, fanOut.ActivationRatio / fanIn.ActivationRatio, 9);
            Assert.Equal("Kaiming FanOut", fanOut.Weights.Label);
            Assert.Equal(64, fanOut.Layers[0].FanIn);
            Assert.Equal(512, fanOut.Layers[Depth - 1].FanOut);
        }

        [Fact]
        public void Leaky_relu_needs_the_eq_15_gain()
        {
            // Eq. 15: ½(1 + a²)·n·Var[w] = 1. With a = 0.5 the ReLU gain √2 would grow the signal by
            // (1 + a²) = 1.25 per layer; the leaky gain √(2/(1+a²)) keeps it.
            var net = new SimulatedNetwork(Depth, Width, Nonlinearity.LeakyReLU, 0.5);
            SignalPropagationResult right = SignalPropagation.Run(net, WeightSource.From(Initializer.Kaiming(nonlinearity: Nonlinearity.LeakyReLU, negativeSlope: 0.5)), 5, Batch);
            SignalPropagationResult wrong = SignalPropagation.Run(net, WeightSource.From(Initializer.Kaiming()), 5, Batch);
            Assert.InRange(PerLayerRate(right.ActivationRatio), 0.90, 1.11);
            Assert.InRange(PerLayerRate(wrong.ActivationRatio), 1.25 * 0.90, 1.25 * 1.11);
        }

        [Fact]
        public void LeCun_keeps_a_linear_nets_variance_at_one()
        {
            SignalPropagationResult r = SignalPropagation.Run(new SimulatedNetwork(10, 128, Nonlinearity.Linear), WeightSource.From(Initializer.LeCun()), 11, Batch);
            Assert.All(r.Layers, layer => Assert.InRange(layer.ActivationVariance, 0.7, 1.4));
            Assert.Equal(1.0 / 128, r.Layers[0].WeightVariance, 15);
        }

        [Fact]
        public void The_same_seed_gives_the_same_bits_and_another_seed_does_not()
        {
            var net = new SimulatedNetwork(5, 32, Nonlinearity.Tanh);
            WeightSource w = WeightSource.From(Initializer.Xavier());
            SignalPropagationResult a = SignalPropagation.Run(net, w, 42, 16);
            SignalPropagationResult b = SignalPropagation.Run(net, w, 42, 16);
            SignalPropagationResult c = SignalPropagation.Run(net, w, 43, 16);
            Assert.Equal(a.Layers.Select(l => l.ActivationVariance), b.Layers.Select(l => l.ActivationVariance));
            Assert.Equal(a.Layers.Select(l => l.GradientVariance), b.Layers.Select(l => l.GradientVariance));
            Assert.NotEqual(a.Layers[4].ActivationVariance, c.Layers[4].ActivationVariance);
        }

        [Fact]
        public void Earlier_layers_do_not_depend_on_the_depth()
        {
            WeightSource w = WeightSource.From(Initializer.Kaiming());
            SignalPropagationResult shallow = SignalPropagation.Run(new SimulatedNetwork(3, 32), w, 9, 8);
            SignalPropagationResult deep = SignalPropagation.Run(new SimulatedNetwork(6, 32), w, 9, 8);
            Assert.Equal(shallow.Layers[2].ActivationVariance, deep.Layers[2].ActivationVariance);
        }

        [Fact]
        public void A_cancelled_token_stops_the_run()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() =>
                SignalPropagation.Run(new SimulatedNetwork(30, 256), WeightSource.From(Initializer.Kaiming()), 1, 64, cts.Token));
        }

        [Theory]
        [InlineData(0, 16, 8, "InvalidDepth")]
        [InlineData(3, 0, 8, "InvalidWidth")]
        [InlineData(3, SimulatedNetwork.MaxWidth + 1, 8, "InvalidWidth")]
        [InlineData(3, 16, 0, "InvalidBatchSize")]
        public void Bad_sizes_are_refused_with_stable_ids(int depth, int width, int batch, string errorId)
        {
            var ex = Assert.Throws<InitArgumentException>(() =>
                SignalPropagation.Run(new SimulatedNetwork(depth, width), WeightSource.From(Initializer.Kaiming()), 1, batch));
            Assert.Equal(errorId, ex.ErrorId);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-0.01)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void A_fixed_std_must_be_positive_and_finite(double std)
        {
            Assert.Equal("InvalidStd", Assert.Throws<InitArgumentException>(() => WeightSource.FixedNormal(std)).ErrorId);
        }
    }
}
