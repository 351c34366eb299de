using System;
using System.Linq;
using System.Threading;
using KaimingTools.Distributions;
using KaimingTools.Tensors;

namespace KaimingTools.Tests
{
    public class InitializerTests
    {
        [Fact]
        public void Kaiming_relu_fan_in_512_is_N_0_2_over_512_and_U_pm_sqrt_6_over_512()
        {
            InitBounds b = Initializer.Kaiming().Bounds(new Fans(512, 512));
            Assert.Equal(0.0625, b.Std);
            AssertRelative(Math.Sqrt(6.0 / 512), b.Bound);
            AssertRelative(2.0 / 512, b.Variance);
            Assert.Equal(DistributionKind.Normal, b.Distribution);
            Assert.Equal(double.NegativeInfinity, b.Lower);
        }

        // PyTorch: kaiming_uniform_(w, a, mode, nonlinearity) draws U(−bound, bound) with
        // bound = √3 · calculate_gain(nonlinearity, a)/√fan.
        [Theory]
        [InlineData(784, 256, FanMode.FanIn, Nonlinearity.ReLU, null, 0.087481777)]
        [InlineData(784, 256, FanMode.FanOut, Nonlinearity.ReLU, null, 0.153093109)]
        [InlineData(147, 3136, FanMode.FanIn, Nonlinearity.LeakyReLU, 2.23606797749979, 0.082478609884)] // default nn.Conv2d: 1/√147
        [InlineData(100, 100, FanMode.FanIn, Nonlinearity.Tanh, null, 0.288675134595)]
        public void Kaiming_uniform_bounds_match_PyTorch(double fanIn, double fanOut, FanMode mode, Nonlinearity nonlinearity, double? slope, double bound)
        {
            var init = Initializer.Kaiming(DistributionKind.Uniform, mode, nonlinearity, slope);
            Assert.Equal(bound, init.Bounds(new Fans(fanIn, fanOut)).Bound, 9);
        }

        [Fact]
        public void PyTorch_default_linear_init_has_variance_one_third_of_fan_in()
        {
            var b = Initializer.Kaiming(DistributionKind.Uniform, FanMode.FanIn, Nonlinearity.LeakyReLU, Math.Sqrt(5)).Bounds(new Fans(300, 10));
            Assert.Equal(1 / Math.Sqrt(300), b.Bound, 15);
            Assert.Equal(1 / (3.0 * 300), b.Variance, 15);
        }

        [Fact]
        public void Xavier_uses_the_average_fan()
        {
            // Glorot & Bengio eq. 16: U(±√6/√(n_in + n_out)).
            var b = Initializer.Xavier().Bounds(new Fans(784, 256));
            Assert.Equal(Math.Sqrt(6.0 / (784 + 256)), b.Bound, 15);
            Assert.Equal(FanMode.FanAvg, b.Mode);
            Assert.Equal(DistributionKind.Uniform, b.Distribution);
        }

        [Fact]
        public void LeCun_is_one_over_fan_in()
        {
            AssertRelative(1.0 / 400, Initializer.LeCun().Bounds(new Fans(400, 7)).Variance);
        }

        [Fact]
        public void Keras_he_normal_is_variance_scaling_2_fan_in_truncated()
        {
            var b = Initializer.VarianceScaling(2.0, FanMode.FanIn, DistributionKind.TruncatedNormal).Bounds(new Fans(512, 10));
            AssertRelative(0.0625, b.Std);
            Assert.Equal(2 * 0.0625 / 0.87962566103423978, b.Upper, 15);
        }

        [Theory]
        [InlineData(InitScheme.Kaiming, "Scale")]
        [InlineData(InitScheme.LeCun, "Gain")]
        [InlineData(InitScheme.VarianceScaling, "Nonlinearity")]
        public void Create_refuses_settings_a_scheme_does_not_have(InitScheme scheme, string parameter)
        {
            var ex = Assert.Throws<InitArgumentException>(() => Initializer.Create(
                scheme,
                scale: parameter == "Scale" ? 2 : null,
                gain: parameter == "Gain" ? 2 : null,
                nonlinearity: parameter == "Nonlinearity" ? Nonlinearity.Tanh : null));
            Assert.Equal("ParameterNotApplicable", ex.ErrorId);
            Assert.Equal(parameter, ex.ParamName);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(double.NaN)]
        [InlineData(double.NegativeInfinity)]
        public void Invalid_gain_and_scale_are_refused(double value)
        {
            Assert.Equal("InvalidGain", Assert.Throws<InitArgumentException>(() => Initializer.Kaiming(gain: value)).ErrorId);
            Assert.Equal("InvalidScale", Assert.Throws<InitArgumentException>(() => Initializer.VarianceScaling(value)).ErrorId);
        }

        [Fact]
        public void A_slope_alone_means_leaky_relu()
        {
            var init = Initializer.Kaiming(negativeSlope: 0.2);
            Assert.Equal(Nonlinearity.LeakyReLU, init.Nonlinearity);
            Assert.Equal(Math.Sqrt(2 / 1.04), init.Gain, 15);
        }

        [Fact]
        public void Generate_records_provenance_and_reproduces_by_seed()
        {
            var init = Initializer.Kaiming(DistributionKind.Uniform);
            WeightTensor a = init.Generate(new long[] { 32, 16, 3, 3 }, seed: 11);
            WeightTensor b = init.Generate(new long[] { 32, 16, 3, 3 }, seed: 11);
            Assert.Equal(new long[] { 32, 16, 3, 3 }, a.Shape.ToArray());
            Assert.Equal(144, a.Init!.FanIn);
            Assert.Equal(11UL, a.Seed);
            Assert.Equal(1, a.StreamVersion);
            Assert.Equal((float[])a.Data, (float[])b.Data);
            Assert.All((float[])a.Data, v => Assert.InRange(v, -a.Init.Bound, a.Init.Bound));
        }

        [Fact]
        public void Generate_refuses_oversized_tensors_before_allocating()
        {
            var ex = Assert.Throws<InitArgumentException>(() => Initializer.Kaiming().Generate(new long[] { 1L << 20, 1L << 20 }));
            Assert.Equal("TensorTooLarge", ex.ErrorId);
            Assert.True(ex.IsLimitExceeded);
            Assert.Contains("1,099,511,627,776 elements (4 TiB)", ex.Message);
        }

        [Fact]
        public void Generate_honours_cancellation_and_reports_progress()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.Throws<OperationCanceledException>(() => Initializer.Kaiming().Generate(new long[] { 2048, 1024 }, cancellationToken: cts.Token));

            var reports = new System.Collections.Generic.List<long>();
            Initializer.Kaiming().Generate(new long[] { 2048, 1024 }, seed: 1, progress: new SyncProgress(reports.Add), maxDegreeOfParallelism: 1);
            Assert.Equal(new long[] { 1 << 20, 2 << 20 }, reports);
        }

        private static void AssertRelative(double expected, double actual, double tolerance = 4.5e-16) =>
            Assert.InRange(Math.Abs(actual / expected - 1), 0, tolerance);

        private sealed class SyncProgress : IProgress<long>
        {
            private readonly Action<long> _report;

            public SyncProgress(Action<long> report) => _report = report;

            public void Report(long value) => _report(value);
        }
    }
}
