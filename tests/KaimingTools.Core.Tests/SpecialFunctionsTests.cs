using System;

namespace KaimingTools.Tests
{
    // Reference values: mpmath 1.2.1 at 50 digits, evaluated at the exact double inputs, rounded to double.
    public class SpecialFunctionsTests
    {
        [Theory]
        [InlineData(-37.0, 5.725571222524577e-300)]
        [InlineData(-20.0, 2.7536241186062337e-89)]
        [InlineData(-10.0, 7.619853024160525e-24)]
        [InlineData(-5.0, 2.866515718791939e-07)]
        [InlineData(-1.0, 0.15865525393145705)]
        [InlineData(-0.5, 0.3085375387259869)]
        [InlineData(0.0, 0.5)]
        [InlineData(0.5, 0.6914624612740131)]
        [InlineData(1.0, 0.8413447460685429)]
        [InlineData(2.0, 0.9772498680518208)]
        [InlineData(5.0, 0.9999997133484281)]
        [InlineData(8.0, 0.9999999999999993)]
        public void NormalCdf_matches_mpmath(double x, double expected) =>
            TestMath.Close(expected, SpecialFunctions.NormalCdf(x), 1e-15);

        [Theory]
        [InlineData(5.0, 2.866515718791939e-07)]
        [InlineData(10.0, 7.619853024160525e-24)]
        [InlineData(20.0, 2.7536241186062337e-89)]
        [InlineData(37.0, 5.725571222524577e-300)]
        [InlineData(-1.0, 0.8413447460685429)]
        public void NormalCdfComplement_is_accurate_in_the_upper_tail(double x, double expected) =>
            TestMath.Close(expected, SpecialFunctions.NormalCdfComplement(x), 1e-15);

        [Theory]
        [InlineData(-1000.0, -500007.82669481216)]
        [InlineData(-100.0, -5005.524208694205)]
        [InlineData(-40.0, -804.6084420137538)]
        [InlineData(-37.0, -689.0305855768906)]
        [InlineData(-10.0, -53.23128515051247)]
        [InlineData(-1.0, -1.8410216450092636)]
        [InlineData(0.0, -0.6931471805599453)]
        [InlineData(1.0, -0.17275377902344988)]
        [InlineData(5.0, -2.866516129637636e-07)]
        [InlineData(10.0, -7.619853024160525e-24)]
        public void LogNormalCdf_matches_mpmath_including_where_cdf_underflows(double x, double expected) =>
            TestMath.Close(expected, SpecialFunctions.LogNormalCdf(x), 1e-15);

        [Theory]
        [InlineData(0.0, 0.3989422804014327)]
        [InlineData(1.0, 0.24197072451914334)]
        [InlineData(-2.0, 0.05399096651318805)]
        [InlineData(10.0, 7.694598626706419e-23)]
        [InlineData(-37.0, 2.1200065515246056e-298)]
        public void NormalPdf_matches_mpmath(double x, double expected) =>
            TestMath.Close(expected, SpecialFunctions.NormalPdf(x), 1e-15);

        [Theory]
        [InlineData(0.975, 1.9599639845400538)] // the double 0.975 is 0.97499999999999997780…
        [InlineData(0.025, -1.9599639845400543)]
        [InlineData(1e-10, -6.361340902404057)]
        [InlineData(1e-300, -37.0470962993612)]
        [InlineData(1e-320, -38.26912534303265)] // subnormal p: solved in log form
        [InlineData(0.3, -0.5244005127080408)]
        [InlineData(0.9, 1.2815515655446006)]
        [InlineData(0.4999, -0.00025066283008800747)]
        [InlineData(0.9999999999999999, 8.209536151601387)] // 1 − 2⁻⁵³
        public void NormalQuantile_matches_mpmath(double p, double expected) =>
            TestMath.Close(expected, SpecialFunctions.NormalQuantile(p), 1e-15);

        [Fact]
        public void NormalQuantile_of_0975_is_the_familiar_196()
        {
            Assert.Equal(1.959963984540054, SpecialFunctions.NormalQuantile(0.975), 14);
        }

        [Fact]
        public void Two_sigma_mass_is_2Phi2_minus_1()
        {
            TestMath.Close(0.9544997361036416, (2.0 * SpecialFunctions.NormalCdf(2.0)) - 1.0, 2e-16);
            TestMath.Close(0.9544997361036416, SpecialFunctions.NormalCdf(2.0) - SpecialFunctions.NormalCdf(-2.0), 2e-16);
        }

        [Theory]
        [InlineData(double.NegativeInfinity, 0.0, 1.0, 0.0, double.NegativeInfinity)]
        [InlineData(double.PositiveInfinity, 1.0, 0.0, 0.0, 0.0)]
        public void Infinite_arguments_give_the_limits(double x, double cdf, double complement, double pdf, double logCdf)
        {
            Assert.Equal(cdf, SpecialFunctions.NormalCdf(x));
            Assert.Equal(complement, SpecialFunctions.NormalCdfComplement(x));
            Assert.Equal(pdf, SpecialFunctions.NormalPdf(x));
            Assert.Equal(logCdf, SpecialFunctions.LogNormalCdf(x));
        }

        [Fact]
        public void NaN_propagates_through_the_density_style_functions()
        {
            Assert.True(double.IsNaN(SpecialFunctions.NormalCdf(double.NaN)));
            Assert.True(double.IsNaN(SpecialFunctions.NormalCdfComplement(double.NaN)));
            Assert.True(double.IsNaN(SpecialFunctions.NormalPdf(double.NaN)));
            Assert.True(double.IsNaN(SpecialFunctions.LogNormalCdf(double.NaN)));
        }

        [Theory]
        [InlineData(0.0, double.NegativeInfinity)]
        [InlineData(1.0, double.PositiveInfinity)]
        [InlineData(0.5, 0.0)]
        public void NormalQuantile_endpoints(double p, double expected) =>
            Assert.Equal(expected, SpecialFunctions.NormalQuantile(p));

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(-1e-300)]
        [InlineData(1.0000000000000002)]
        [InlineData(double.PositiveInfinity)]
        public void NormalQuantile_rejects_non_probabilities(double p)
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.NormalQuantile(p));
            Assert.Equal("p", e.ParamName);
        }

        [Fact]
        public void Quantile_inverts_cdf_to_1e_15_across_the_whole_range()
        {
            // Φ⁻¹(Φ(x)) = x for x ≤ 0 and Φ⁻¹(Q(x)) = −x for x ≥ 0: well conditioned, so the tolerance is tight.
            for (double x = 0.0; x <= 37.5; x += 0.0625)
            {
                double back = SpecialFunctions.NormalQuantile(SpecialFunctions.NormalCdf(-x));
                Assert.True(Math.Abs(back + x) <= 1e-15 * Math.Max(1.0, x), $"x = {x}, back = {back:R}");
                double upper = SpecialFunctions.NormalQuantile(SpecialFunctions.NormalCdfComplement(x));
                Assert.Equal(back, upper);
            }
        }

        [Fact]
        public void Cdf_inverts_quantile_up_to_the_conditioning_of_the_tail()
        {
            // Rounding Φ⁻¹(p) to a double moves Φ by up to (φ/Φ)·|x|·2⁻⁵³ ≈ x²·2⁻⁵³ relative: the best any
            // double can do (1.5e−13 at p = 1e−300). The remaining 1.5e−15 is Φ's and Φ⁻¹'s own error.
            for (double e = -300.0; e <= -0.31; e += 0.37)
            {
                double p = Math.Pow(10.0, e);
                double x = SpecialFunctions.NormalQuantile(p);
                TestMath.Close(p, SpecialFunctions.NormalCdf(x), 1.5e-15 + (x * x * Math.Pow(2.0, -53)));
            }

            for (double e = -16.0; e <= -0.31; e += 0.05)
            {
                double q = 1.0 - (1.0 - Math.Pow(10.0, e)); // a tail probability whose complement 1 − q is exact
                double x = SpecialFunctions.NormalQuantile(1.0 - q);
                TestMath.Close(q, SpecialFunctions.NormalCdfComplement(x), 1.5e-15 + (x * x * Math.Pow(2.0, -53)));
            }
        }

        [Fact]
        public void Pdf_is_the_derivative_of_the_cdf()
        {
            foreach (double x in new[] { -6.0, -3.0, -1.0, 0.0, 0.7, 2.5 })
            {
                const double h = 1e-5;
                double derivative = (SpecialFunctions.NormalCdf(x + h) - SpecialFunctions.NormalCdf(x - h)) / (2 * h);
                TestMath.Close(SpecialFunctions.NormalPdf(x), derivative, 1e-8);
            }
        }

        [Fact]
        public void LogNormalCdf_agrees_with_log_of_cdf_where_both_are_representable()
        {
            // Only x ≤ 0: for x > 0, Math.Log(Φ(x)) is the inaccurate one (Φ(x) ≈ 1).
            for (double x = -37.0; x <= 0.0; x += 0.25)
            {
                TestMath.Close(Math.Log(SpecialFunctions.NormalCdf(x)), SpecialFunctions.LogNormalCdf(x), 1e-15);
            }
        }

        [Fact]
        public void Mills_ratio_switches_methods_continuously_at_5()
        {
            double below = SpecialFunctions.MillsRatio(5.0 - 1e-12);
            double at = SpecialFunctions.MillsRatio(5.0);
            TestMath.Close(0.19280810471531576, at, 2e-16);
            TestMath.Close(at, below, 1e-12);
        }
    }
}
