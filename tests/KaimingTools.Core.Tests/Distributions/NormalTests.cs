using System;
using KaimingTools.Distributions;

namespace KaimingTools.Tests.Distributions
{
    public class NormalTests
    {
        private const double KaimingSigma = 0.0625; // √(2/512), ReLU, fan_in = 512

        [Fact]
        public void Kaiming_relu_fan_in_512_has_sigma_0_0625_and_variance_2_over_512()
        {
            var d = new Normal(0.0, Math.Sqrt(2.0 / 512.0));
            Assert.Equal(KaimingSigma, d.StdDev);
            Assert.Equal(2.0 / 512.0, d.Variance);
            Assert.Equal(0.0, d.ExcessKurtosis);
            Assert.Equal(DistributionKind.Normal, d.Kind);
            Assert.Equal("N(0, 0.00390625)", d.ToString()); // standard notation: the second argument is the variance
        }

        [Theory]
        [InlineData(0.0, 6.383076486422923)]         // 1/(σ√(2π))
        [InlineData(0.0625, 3.871531592306294)]     // at one σ: e^{−1/2}/(σ√(2π))
        [InlineData(-0.125, 0.863855464211009)]     // at two σ
        public void Density_matches_closed_form(double x, double expected)
        {
            var d = new Normal(0.0, KaimingSigma);
            TestMath.Close(expected, d.Density(x), 4e-16);
            Assert.Equal(Math.Log(expected), d.DensityLn(x), 14); // a sum of O(1) terms: absolute accuracy
        }

        [Fact]
        public void Density_integrates_to_1_and_the_classic_wrong_formula_to_0_354()
        {
            const double mu = 0.3, sigma = 0.0625;
            var d = new Normal(mu, sigma);
            double ours = TestMath.Integrate(d.Density, mu - (12 * sigma), mu + (12 * sigma));
            TestMath.Close(1.0, ours, 1e-12);

            // 1/(2σ√(2π))·e^{−((x−μ)/σ)²} circulates in popular answers; it integrates to 1/(2√2).
            Func<double, double> wrong = x => Math.Exp(-Math.Pow((x - mu) / sigma, 2)) / (2 * sigma * Math.Sqrt(2 * Math.PI));
            double wrongMass = TestMath.Integrate(wrong, mu - (12 * sigma), mu + (12 * sigma));
            TestMath.Close(1.0 / (2.0 * Math.Sqrt(2.0)), wrongMass, 1e-12);
            Assert.Equal(0.35355, Math.Round(wrongMass, 5));
        }

        [Fact]
        public void Variance_from_quadrature_is_sigma_squared()
        {
            var d = new Normal(0.0, KaimingSigma);
            double variance = TestMath.Integrate(x => x * x * d.Density(x), -12 * KaimingSigma, 12 * KaimingSigma, 1e-16);
            TestMath.Close(KaimingSigma * KaimingSigma, variance, 1e-11);
        }

        [Theory]
        [InlineData(0.975, 1.959963984540054)]
        [InlineData(1e-10, -6.361340902404057)]
        [InlineData(0.5, 0.0)]
        public void Quantile_is_mu_plus_sigma_times_standard_quantile(double p, double z)
        {
            var d = new Normal(2.0, 3.0);
            TestMath.Close(2.0 + (3.0 * z), d.InverseCumulativeDistribution(p), 1e-15);
            TestMath.Close(p, d.CumulativeDistribution(d.InverseCumulativeDistribution(p)), 1e-14);
        }

        [Theory]
        [InlineData(double.NegativeInfinity, 0.0, 0.0, double.NegativeInfinity)]
        [InlineData(double.PositiveInfinity, 0.0, 1.0, double.NegativeInfinity)]
        public void Infinite_inputs(double x, double pdf, double cdf, double logPdf)
        {
            var d = new Normal(0.0, KaimingSigma);
            Assert.Equal(pdf, d.Density(x));
            Assert.Equal(cdf, d.CumulativeDistribution(x));
            Assert.Equal(logPdf, d.DensityLn(x));
        }

        [Fact]
        public void NaN_inputs()
        {
            var d = new Normal(0.0, 1.0);
            Assert.True(double.IsNaN(d.Density(double.NaN)));
            Assert.True(double.IsNaN(d.DensityLn(double.NaN)));
            Assert.True(double.IsNaN(d.CumulativeDistribution(double.NaN)));
            Assert.Throws<ArgumentOutOfRangeException>(() => d.InverseCumulativeDistribution(double.NaN));
            Assert.Equal(double.NegativeInfinity, d.InverseCumulativeDistribution(0.0));
            Assert.Equal(double.PositiveInfinity, d.InverseCumulativeDistribution(1.0));
        }

        [Theory]
        [InlineData(double.NaN, 1.0, "mean")]
        [InlineData(double.PositiveInfinity, 1.0, "mean")]
        [InlineData(0.0, 0.0, "stdDev")]
        [InlineData(0.0, -1.0, "stdDev")]
        [InlineData(0.0, double.NaN, "stdDev")]
        [InlineData(0.0, double.PositiveInfinity, "stdDev")]
        public void Invalid_parameters_throw(double mean, double stdDev, string parameter)
        {
            Assert.False(Normal.IsValidParameterSet(mean, stdDev));
            Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => new Normal(mean, stdDev)).ParamName);
            Assert.Equal(parameter, Assert.Throws<ArgumentException>(() => Normal.PDF(mean, stdDev, 0.0)).ParamName);
        }

        [Fact]
        public void Static_mirrors_agree_with_instance()
        {
            var d = new Normal(1.0, 2.0);
            Assert.Equal(d.Density(0.4), Normal.PDF(1.0, 2.0, 0.4));
            Assert.Equal(d.CumulativeDistribution(0.4), Normal.CDF(1.0, 2.0, 0.4));
            Assert.Equal(d.InverseCumulativeDistribution(0.4), Normal.InvCDF(1.0, 2.0, 0.4));
        }

        [Fact]
        public void Formula_shows_sigma_and_variance()
        {
            var d = new Normal(0.0, KaimingSigma);
            Assert.Equal("f(x) = 1/(σ√(2π)) · exp(−x²/(2σ²)), σ = 0.0625 (variance σ² = 0.00390625)", d.Formula(FormulaStyle.Unicode));
            Assert.Equal(@"f(x)=\frac{1}{\sigma\sqrt{2\pi}}e^{-x^2/(2\sigma^2)},\quad \sigma=0.0625,\ \sigma^2=0.00390625", d.Formula(FormulaStyle.LaTeX));
            Assert.Equal("f(x) = 1/(σ√(2π)) · exp(−(x − μ)²/(2σ²)), μ = −1.5, σ = 2E-05".Replace("2E-05", "2×10⁻⁵") + " (variance σ² = 4×10⁻¹⁰)", new Normal(-1.5, 2e-5).Formula(FormulaStyle.Unicode));
        }
    }
}
