using System;
using KaimingTools.Distributions;

namespace KaimingTools.Tests.Distributions
{
    public class UniformTests
    {
        private const double KaimingBound = 0.10825317547305482; // √(6/512), ReLU, fan_in = 512

        [Fact]
        public void Kaiming_relu_fan_in_512_bound_and_moments()
        {
            Assert.Equal(KaimingBound, Math.Sqrt(6.0 / 512.0));
            var d = new Uniform(-KaimingBound, KaimingBound);
            TestMath.Close(2.0 / 512.0, d.Variance, 2e-16); // b²/3 = gain²/fan_in
            TestMath.Close(0.0625, d.StdDev, 2e-16);
            Assert.Equal(0.0, d.Mean);
            Assert.Equal(-1.2, d.ExcessKurtosis);
            Assert.Equal(-KaimingBound, d.Minimum);
            Assert.Equal(KaimingBound, d.Maximum);
            Assert.Equal(DistributionKind.Uniform, d.Kind);
        }

        [Theory]
        [InlineData(-0.2, 0.0, 0.0)]
        [InlineData(-0.10825317547305482, 4.618802153517007, 0.0)]
        [InlineData(0.0, 4.618802153517007, 0.5)]
        [InlineData(0.05, 4.618802153517007, 0.7309401076758504)]
        [InlineData(0.10825317547305482, 4.618802153517007, 1.0)]
        [InlineData(0.2, 0.0, 1.0)]
        public void Density_and_cdf_table(double x, double pdf, double cdf)
        {
            var d = new Uniform(-KaimingBound, KaimingBound);
            TestMath.Close(pdf, d.Density(x), 2e-16);
            TestMath.Close(cdf, d.CumulativeDistribution(x), 2e-16);
            Assert.Equal(pdf == 0.0 ? double.NegativeInfinity : Math.Log(pdf), d.DensityLn(x), 14);
        }

        [Fact]
        public void Density_integrates_to_1_and_variance_matches()
        {
            var d = new Uniform(-1.0, 3.0);
            TestMath.Close(1.0, TestMath.Integrate(d.Density, -1.0, 3.0), 1e-14);
            TestMath.Close(d.Variance, TestMath.Integrate(x => (x - 1.0) * (x - 1.0) * d.Density(x), -1.0, 3.0), 1e-14);
            Assert.Equal(4.0 / 3.0, d.Variance, 15);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.1)]
        [InlineData(0.5)]
        [InlineData(0.9)]
        [InlineData(1.0)]
        public void Quantile_round_trips(double p)
        {
            var d = new Uniform(-KaimingBound, KaimingBound);
            double x = d.InverseCumulativeDistribution(p);
            Assert.InRange(x, d.Minimum, d.Maximum);
            Assert.Equal(p, d.CumulativeDistribution(x), 15);
        }

        [Fact]
        public void Quantile_endpoints_are_exact_and_invalid_p_throws()
        {
            var d = new Uniform(0.1, 0.7);
            Assert.Equal(0.1, d.InverseCumulativeDistribution(0.0));
            Assert.Equal(0.7, d.InverseCumulativeDistribution(1.0));
            foreach (double p in new[] { double.NaN, -0.1, 1.1 })
            {
                Assert.Equal("p", Assert.Throws<ArgumentOutOfRangeException>(() => d.InverseCumulativeDistribution(p)).ParamName);
            }
        }

        [Fact]
        public void Special_inputs()
        {
            var d = new Uniform(-1.0, 1.0);
            Assert.True(double.IsNaN(d.Density(double.NaN)));
            Assert.True(double.IsNaN(d.DensityLn(double.NaN)));
            Assert.True(double.IsNaN(d.CumulativeDistribution(double.NaN)));
            Assert.Equal(0.0, d.CumulativeDistribution(double.NegativeInfinity));
            Assert.Equal(1.0, d.CumulativeDistribution(double.PositiveInfinity));
            Assert.Equal(0.0, d.Density(double.PositiveInfinity));
        }

        [Theory]
        [InlineData(double.NaN, 1.0, "lower")]
        [InlineData(double.NegativeInfinity, 1.0, "lower")]
        [InlineData(0.0, double.PositiveInfinity, "upper")]
        [InlineData(1.0, 1.0, "upper")]
        [InlineData(2.0, 1.0, "upper")]
        [InlineData(-1.7e308, 1.7e308, "upper")] // width overflows
        public void Invalid_parameters_throw(double lower, double upper, string parameter)
        {
            Assert.False(Uniform.IsValidParameterSet(lower, upper));
            Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => new Uniform(lower, upper)).ParamName);
            Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => Uniform.CDF(lower, upper, 0.0)).ParamName);
        }

        [Fact]
        public void Static_mirrors_agree_with_instance()
        {
            var d = new Uniform(-2.0, 5.0);
            Assert.Equal(d.Density(1.0), Uniform.PDF(-2.0, 5.0, 1.0));
            Assert.Equal(d.CumulativeDistribution(1.0), Uniform.CDF(-2.0, 5.0, 1.0));
            Assert.Equal(d.InverseCumulativeDistribution(0.25), Uniform.InvCDF(-2.0, 5.0, 0.25));
        }

        [Fact]
        public void Formula_symmetric_and_general()
        {
            var d = new Uniform(-KaimingBound, KaimingBound);
            Assert.Equal("f(x) = 1/(2b) = 4.6188 for −b ≤ x ≤ b, 0 otherwise; U(−b, b), b = 0.108253", d.Formula(FormulaStyle.Unicode));
            Assert.Equal(@"f(x)=\frac{1}{2b}\,\mathbf{1}_{[-b,b]}(x)=4.6188\,\mathbf{1}_{[-0.108253,\,0.108253]}(x),\quad b=0.108253", d.Formula(FormulaStyle.LaTeX));
            Assert.Equal("f(x) = 1/(b − a) = 2 for a ≤ x ≤ b, 0 otherwise; U(a, b), a = 0, b = 0.5", new Uniform(0.0, 0.5).Formula(FormulaStyle.Unicode));
            Assert.Equal("U(−0.108253, 0.108253)", d.ToString());
        }
    }
}
