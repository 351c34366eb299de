using System;
using KaimingTools.Distributions;

namespace KaimingTools.Tests.Distributions
{
    public class TruncatedNormalTests
    {
        // μ, σ, a, b, x, pdf(x), cdf(x), mean, variance, excess kurtosis, quantile(0.3): mpmath at 50 digits
        // (closed forms for Z, pdf, cdf, mean, variance; quadrature for the 4th moment; bisection for the quantile).
        // Variance and kurtosis tolerances are looser: in the deep tails (α ≈ 40) the closed forms cancel ~4 digits.
        public static System.Collections.Generic.IEnumerable<object[]> Cases => new[]
        {
            new object[] { 0.0, 1.0, -2.0, 2.0, 0.5, 0.36884800848815685, 0.7005893286629716, 0.0, 0.7737413035499232, -0.6344632828703505, -0.49840288242193853 },
            new object[] { 1.0, 2.0, 0.0, double.PositiveInfinity, 2.0, 0.25458021691851673, 0.553789893152682, 2.018320867674067, 1.9447017427854685, 0.37301301869800896, 1.0801145958310543 },
            new object[] { 0.0, 1.0, 3.0, double.PositiveInfinity, 3.5, 0.6464804560029884, 0.8276691471617235, 3.2830986549304364, 0.07055918678526811, 3.8023845084180574, 3.107016696637142 },
            new object[] { 0.0, 1.0, 38.0, double.PositiveInfinity, 38.02, 17.78005788341015, 0.532672719244738, 38.02627946657587, 0.0006896597534662589, 5.967094493133333, 38.009378540334666 },
            new object[] { 0.0, 1.0, 40.0, 41.0, 40.1, 0.7294266098410114, 0.9818211014256777, 40.02496884720726, 0.0006226683785913863, 5.970273568153699, 40.00891031978351 },
            new object[] { 0.0, 1.0, -1.0, 5.0, 4.5, 1.89978562620853e-05, 0.9999963023212217, 0.2875983018504772, 0.6296783124668667, 0.0009641474754659054, -0.22482272897449476 },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Matches_mpmath(double mu, double sigma, double a, double b, double x, double pdf, double cdf, double mean, double variance, double kurtosis, double q30)
        {
            var d = new TruncatedNormal(mu, sigma, a, b);
            TestMath.Close(pdf, d.Density(x), 1e-13);
            TestMath.Close(Math.Log(pdf), d.DensityLn(x), 1e-13);
            TestMath.Close(cdf, d.CumulativeDistribution(x), 1e-13);
            TestMath.Close(mean, d.Mean, 1e-14);
            TestMath.Close(variance, d.Variance, 1e-9);
            Assert.True(Math.Abs(kurtosis - d.ExcessKurtosis) <= KurtosisTolerance(a, b) * Math.Max(1.0, Math.Abs(kurtosis)), $"kurtosis {d.ExcessKurtosis:R} vs {kurtosis:R}");
            TestMath.Close(q30, d.InverseCumulativeDistribution(0.3), 1e-14);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public void Mirror_image_has_mirrored_functions(double mu, double sigma, double a, double b, double x, double pdf, double cdf, double mean, double variance, double kurtosis, double q30)
        {
            var m = new TruncatedNormal(-mu, sigma, -b, -a);
            TestMath.Close(pdf, m.Density(-x), 1e-13);
            Assert.True(Math.Abs((1.0 - cdf) - m.CumulativeDistribution(-x)) <= 3e-16); // 1 − cdf is only absolutely exact
            TestMath.Close(-mean, m.Mean, 1e-14);
            TestMath.Close(variance, m.Variance, 1e-9);
            TestMath.Close(-q30, m.InverseCumulativeDistribution(0.7), 1e-13);
            Assert.True(Math.Abs(kurtosis - m.ExcessKurtosis) <= KurtosisTolerance(a, b) * Math.Max(1.0, Math.Abs(kurtosis)));
        }

        [Theory]
        [InlineData(0.0, 1.0, -2.0, 2.0)]
        [InlineData(1.0, 2.0, 0.0, 25.0)]
        [InlineData(0.0, 1.0, 3.0, 12.0)]
        [InlineData(0.0, 1.0, 40.0, 41.0)]
        [InlineData(5.0, 0.5, -1.0, 4.9)]
        public void Density_integrates_to_1_and_moments_match_quadrature(double mu, double sigma, double a, double b)
        {
            var d = new TruncatedNormal(mu, sigma, a, b);
            double mass = TestMath.Integrate(d.Density, a, b, 1e-14);
            TestMath.Close(1.0, mass, 1e-11);
            double mean = TestMath.Integrate(x => x * d.Density(x), a, b, 1e-14);
            TestMath.Close(mean, d.Mean, 1e-10);
            double variance = TestMath.Integrate(x => (x - d.Mean) * (x - d.Mean) * d.Density(x), a, b, 1e-16);
            TestMath.Close(variance, d.Variance, 1e-8);
            double fourth = TestMath.Integrate(x => Math.Pow(x - d.Mean, 4) * d.Density(x), a, b, 1e-18);
            Assert.True(Math.Abs((fourth / (variance * variance)) - 3.0 - d.ExcessKurtosis) < KurtosisTolerance(a, b) * 6.0);
            double halfway = 0.5 * (a + b);
            Assert.True(Math.Abs(TestMath.Integrate(d.Density, a, halfway, 1e-15) - d.CumulativeDistribution(halfway)) <= 1e-12);
        }

        // The 4th central moment cancels badly far out in a tail: about 4 digits are left at α ≈ 40, 7 at α ≈ 3.
        private static double KurtosisTolerance(double a, double b) => Math.Min(Math.Abs(a), Math.Abs(b)) > 30.0 ? 1e-4 : 1e-6;

        [Fact]
        public void Keras_correction_constant_is_the_std_of_a_standard_normal_cut_at_2()
        {
            var d = new TruncatedNormal(0.0, 1.0, -2.0, 2.0);
            TestMath.Close(TruncatedNormal.KerasStdDevCorrection, d.StdDev, 1e-15);
            TestMath.Close(0.9544997361036416, d.NormalizingConstant, 2e-16); // 2Φ(2) − 1
        }

        [Theory]
        [InlineData(0.0625)] // Kaiming ReLU, fan_in = 512
        [InlineData(1.0)]
        [InlineData(0.001)]
        [InlineData(123.0)]
        public void WithTruncatedStdDev_has_exactly_that_std(double stdDev)
        {
            var d = TruncatedNormal.WithTruncatedStdDev(stdDev);
            TestMath.Close(stdDev, d.StdDev, 1e-15);
            TestMath.Close(stdDev / 0.87962566103423978, d.Sigma, 1e-16);
            Assert.Equal(-2.0 * d.Sigma, d.Minimum);
            Assert.Equal(2.0 * d.Sigma, d.Maximum);
            Assert.Equal(0.0, d.Mean);
            Assert.Equal(DistributionKind.TruncatedNormal, d.Kind);
        }

        [Fact]
        public void Quantile_round_trips_including_deep_tails()
        {
            var cases = new[] { new TruncatedNormal(0, 1, -2, 2), new TruncatedNormal(0, 1, 3, double.PositiveInfinity), new TruncatedNormal(0, 1, 40, 41), new TruncatedNormal(0, 1, double.NegativeInfinity, -38), new TruncatedNormal(2, 3, -10, 1) };
            foreach (var d in cases)
            {
                foreach (double p in new[] { 1e-12, 0.01, 0.3, 0.5, 0.77, 0.999999 })
                {
                    double x = d.InverseCumulativeDistribution(p);
                    Assert.InRange(x, d.Minimum, d.Maximum);
                    // Rounding x to a double moves F by up to ulp(x)·f(x): near a bound at x ≈ 2 that dominates for p = 1e−12.
                    double rounding = 2.3e-16 * Math.Abs(x) * d.Density(x) / p;
                    TestMath.Close(p, d.CumulativeDistribution(x), 1e-9 + rounding);
                }

                Assert.Equal(d.Minimum, d.InverseCumulativeDistribution(0.0));
                Assert.Equal(d.Maximum, d.InverseCumulativeDistribution(1.0));
            }
        }

        [Fact]
        public void Outside_the_support_and_special_inputs()
        {
            var d = TruncatedNormal.WithTruncatedStdDev(0.0625);
            Assert.Equal(0.0, d.Density(1.0));
            Assert.Equal(double.NegativeInfinity, d.DensityLn(-1.0));
            Assert.Equal(0.0, d.CumulativeDistribution(double.NegativeInfinity));
            Assert.Equal(1.0, d.CumulativeDistribution(double.PositiveInfinity));
            Assert.Equal(0.0, d.CumulativeDistribution(-1.0));
            Assert.True(double.IsNaN(d.Density(double.NaN)));
            Assert.True(double.IsNaN(d.DensityLn(double.NaN)));
            Assert.True(double.IsNaN(d.CumulativeDistribution(double.NaN)));
            Assert.Throws<ArgumentOutOfRangeException>(() => d.InverseCumulativeDistribution(double.NaN));
            Assert.Throws<ArgumentOutOfRangeException>(() => d.InverseCumulativeDistribution(1.5));
            // Density at the cut: φ(2)/(σ′·(2Φ(2) − 1)).
            TestMath.Close(0.05399096651318805 / (d.Sigma * 0.9544997361036416), d.Density(d.Maximum), 1e-15);
        }

        [Theory]
        [InlineData(double.NaN, 1.0, -1.0, 1.0, "mean")]
        [InlineData(0.0, 0.0, -1.0, 1.0, "sigma")]
        [InlineData(0.0, -1.0, -1.0, 1.0, "sigma")]
        [InlineData(0.0, double.PositiveInfinity, -1.0, 1.0, "sigma")]
        [InlineData(0.0, 1.0, 1.0, 1.0, "upper")]
        [InlineData(0.0, 1.0, 2.0, 1.0, "upper")]
        [InlineData(0.0, 1.0, double.NaN, 1.0, "lower")]
        [InlineData(0.0, 1.0, -1.0, double.NaN, "upper")]
        [InlineData(0.0, 1.0, 0.0, 1e-17, "upper")] // Φ(1e−17) − Φ(0) rounds to 0
        public void Invalid_parameters_throw(double mu, double sigma, double a, double b, string parameter)
        {
            var e = Assert.Throws<ArgumentException>(() => new TruncatedNormal(mu, sigma, a, b));
            Assert.Equal(parameter, e.ParamName);
        }

        [Fact]
        public void Static_mirrors_agree_with_instance_members()
        {
            var d = new TruncatedNormal(1.0, 2.0, -1.0, 4.0);
            Assert.Equal(d.Density(0.3), TruncatedNormal.PDF(1.0, 2.0, -1.0, 4.0, 0.3));
            Assert.Equal(d.CumulativeDistribution(0.3), TruncatedNormal.CDF(1.0, 2.0, -1.0, 4.0, 0.3));
            Assert.Equal(d.InverseCumulativeDistribution(0.3), TruncatedNormal.InvCDF(1.0, 2.0, -1.0, 4.0, 0.3));
            Assert.Throws<ArgumentException>(() => TruncatedNormal.PDF(1.0, -2.0, -1.0, 4.0, 0.3));
        }

        [Fact]
        public void Formula_shows_sigma_cut_Z_and_the_truncated_std()
        {
            var d = TruncatedNormal.WithTruncatedStdDev(0.0625);
            Assert.Equal(
                "f(x) = exp(−x²/(2σ²))/(σ√(2π)·Z) for −c ≤ x ≤ c, 0 otherwise; σ = 0.071053, c = 0.142106 (= 2σ), Z = 2Φ(c/σ) − 1 = 0.9545; truncated std = 0.0625 (variance 0.00390625)",
                d.Formula(FormulaStyle.Unicode));
            Assert.StartsWith(@"f(x)=\frac{e^{-x^2/(2\sigma^2)}}{\sigma\sqrt{2\pi}\,Z}\,\mathbf{1}_{[-c,c]}(x),\quad \sigma=0.071053", d.Formula(FormulaStyle.LaTeX));
        }
    }
}
