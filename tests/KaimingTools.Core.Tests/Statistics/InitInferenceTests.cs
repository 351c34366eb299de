using System;
using System.Linq;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Statistics;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Statistics
{
    public class InitInferenceTests
    {
        // Fixtures made by PyTorch 1.13 itself (tests/fixtures/make_pytorch_fixtures.py), read as a user's .npy would be.
        [Theory]
        [InlineData("torch_linear_default_24x96.npy", "kaiming_uniform_(a=√5) (PyTorch nn.Linear/Conv default)", DistributionKind.Uniform, 96.0)]
        [InlineData("torch_conv2d_default_16x8x3x3.npy", "kaiming_uniform_(a=√5) (PyTorch nn.Linear/Conv default)", DistributionKind.Uniform, 72.0)]
        [InlineData("torch_kaiming_normal_32x64.npy", "kaiming_normal_ (he_normal untruncated)", DistributionKind.Normal, 64.0)]
        [InlineData("torch_xavier_uniform_40x60.npy", "xavier_uniform_ (glorot_uniform)", DistributionKind.Uniform, 50.0)]
        public void Recognises_weights_made_by_PyTorch(string file, string expected, DistributionKind kind, double fan)
        {
            var result = InitInference.Infer(TestNpy.Read(file));
            InitCandidateFit best = result.Best;
            Assert.Equal(expected, best.Name);
            Assert.Equal(kind, best.Distribution);
            Assert.Equal(fan, best.Fan);
            Assert.True(best.Fits && result.Fits);
            Assert.True(best.PValue > 0.05, $"p = {best.PValue}");
            // Everything outside the winner's tie group is rejected: the answer is not a coin toss.
            Assert.All(result.Ranked.Where(r => r.Rank > 1), r => Assert.True(r.PValue < 1e-3, $"{r.Name}: p = {r.PValue}"));
        }

        [Fact]
        public void Ties_are_honest_kaiming_relu_fan_in_64_equals_linear_fan_out_32()
        {
            var ranked = InitInference.Infer(TestNpy.Read("torch_kaiming_normal_32x64.npy")).Ranked;
            var first = ranked.Where(r => r.Rank == 1).ToList();
            // Var = 2/64 = 1/32: ReLU at fan_in 64, linear at fan_out 32; leaky ReLU 0.01 differs by 0.005 %.
            Assert.Equal(3, first.Count);
            Assert.All(first, r => Assert.True(r.Tied));
            Assert.Equal("kaiming_normal_ (he_normal untruncated)", first[0].Name);
            Assert.Contains(first, r => r.Mode == FanMode.FanOut && r.Nonlinearity == "linear" && r.Fan == 32);
            Assert.Contains(first, r => r.Nonlinearity == "leaky_relu" && r.Mode == FanMode.FanIn);
        }

        [Fact]
        public void Says_when_nothing_fits()
        {
            // N(0.05, 0.1²): a shifted normal is none of the schemes.
            var sample = new double[4096];
            CounterSampler.Fill(sample.AsSpan(), DistributionKind.Normal, 0.1, 7);
            for (int i = 0; i < sample.Length; i++)
            {
                sample[i] += 0.05;
            }

            var result = InitInference.Infer(sample, new Fans(64, 64));
            Assert.False(result.Fits);
            Assert.All(result.Ranked, r => Assert.False(r.Fits));
            Assert.NotNull(result.Reference);
            Assert.Equal(0, result.Reference!.Rank);
        }

        [Fact]
        public void Recognises_this_kits_own_keras_style_truncated_normal_and_fixed_std()
        {
            var he = Initializer.VarianceScaling(2, FanMode.FanIn, DistributionKind.TruncatedNormal).Generate(new long[] { 64, 300 }, seed: 3);
            Assert.Equal("he_normal (Keras/JAX)", InitInference.Infer(he).Best.Name);

            var fixedStd = new double[8192];
            CounterSampler.Fill(fixedStd.AsSpan(), DistributionKind.Normal, 0.02, 11);
            var best = InitInference.Infer(fixedStd, new Fans(768, 3072)).Best;
            Assert.Equal("FixedStd", best.Scheme);
            Assert.Equal(2500.0, best.Fan, 9);
            Assert.Equal(1.0, best.Gain);
        }

        [Fact]
        public void Values_outside_a_support_reject_the_candidate()
        {
            // Uniform(±1) data with one value at 1.01: every uniform with bound 1 is impossible.
            var sample = Enumerable.Range(0, 2000).Select(i => -1 + ((i + 0.5) / 1000.0)).Append(1.01).ToArray();
            var result = InitInference.Infer(sample, new Fans(3, 3));
            var uniformLeCun = result.Ranked.Single(r => r.Name == "lecun_uniform (Keras)");
            Assert.Equal(0.0, uniformLeCun.PValue);
        }

        [Fact]
        public void Refuses_empty_and_NaN_samples()
        {
            Assert.Equal("NoValues", Assert.Throws<InitArgumentException>(() => InitInference.Infer(Array.Empty<double>(), new Fans(4, 4))).ErrorId);
            Assert.Equal("SampleHasNaN", Assert.Throws<InitArgumentException>(() => InitInference.Infer(new[] { 0.1, double.NaN }, new Fans(4, 4))).ErrorId);
        }
    }
}
