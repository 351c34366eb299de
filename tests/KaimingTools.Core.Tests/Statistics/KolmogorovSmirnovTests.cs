using System;
using KaimingTools.Distributions;
using KaimingTools.Statistics;

namespace KaimingTools.Tests.Statistics
{
    // Reference values: scipy 1.10.1, scipy.stats.kstest(sample, cdf, method="exact") and scipy.stats.kstwo.sf,
    // except where noted.
    public class KolmogorovSmirnovTests
    {
        private static readonly double KaimingBound = Math.Sqrt(6.0 / 512.0);

        public static TheoryData<string, double[], double, double> Samples => new TheoryData<string, double[], double, double>
        {
            { "standard normal", new[] { 0.0012, 0.2987, -0.2741, -0.8906, -0.4547, -0.9916, 0.0601, 1.3402, -0.4922, -0.6205 }, 0.2825844785258348, 0.33568963666352913 },
            { "kaiming uniform", new[] { -0.04254, -0.04786, -0.05295, -0.01186, 0.00098, 0.01156, 0.10703, 0.06321, 0.02639, 0.10562, -0.06149, -0.07339, 0.02431, -0.09851, -0.10029, 0.00322, -0.0073, 0.09011, 0.02791, 0.00305 }, 0.17108923189534042, 0.5452545512286799 },
            { "keras truncated", new[] { 0.00866, 0.03699, -0.03717, 0.00184, 0.08176, 0.08287, -0.07593, -0.05473, -0.10388, -0.0101, -0.11601, -0.00735, 0.02592, -0.03962, 0.03091 }, 0.15851945662272615, 0.790777212750978 },
            { "shifted normal", new[] { -0.63, 0.422, -0.079, 0.091, 1.961, 0.092, 0.867, 1.784, 0.316, 0.788, 1.01, 0.964, -0.325, 0.976, 2.259, -0.647, 1.759, 1.019, 0.259, 2.9, 1.662, -0.299, 0.975, 1.477, 0.711, 1.583, 0.833, 1.567, 2.339, 0.224 }, 0.3947912154311753, 9.985065587287122e-05 },
            { "kaiming normal", new[] { 0.0127, -0.02896, 0.00795, -0.0742, -0.03621, -0.01226, 0.05617, 0.07158, -0.08272, -0.04967, 0.04043, -0.12453 }, 0.1784468274437171, 0.7782489335563592 },
        };

        private static IContinuousDistribution Hypothesis(string name) => name switch
        {
            "standard normal" => new Normal(0.0, 1.0),
            "shifted normal" => new Normal(0.0, 1.0),
            "kaiming uniform" => new Uniform(-KaimingBound, KaimingBound),
            "keras truncated" => TruncatedNormal.WithTruncatedStdDev(0.0625),
            _ => new Normal(0.0, 0.0625),
        };

        [Theory]
        [MemberData(nameof(Samples))]
        public void Statistic_and_p_value_match_scipy(string name, double[] sample, double statistic, double pValue)
        {
            var result = KolmogorovSmirnov.Test(sample, Hypothesis(name));
            TestMath.Close(statistic, result.Statistic, 1e-14);
            TestMath.Close(pValue, result.PValue, 1e-10);
            Assert.Equal(sample.Length, result.Count);
        }

        [Theory]
        [MemberData(nameof(Samples))]
        public void Float_overload_agrees_with_the_double_overload_on_the_widened_values(string name, double[] sample, double statistic, double pValue)
        {
            float[] single = Array.ConvertAll(sample, v => (float)v);
            double[] widened = Array.ConvertAll(single, v => (double)v);
            var a = KolmogorovSmirnov.Test(single, Hypothesis(name));
            var b = KolmogorovSmirnov.Test(widened, Hypothesis(name));
            Assert.Equal(b.Statistic, a.Statistic);
            Assert.Equal(b.PValue, a.PValue);
            TestMath.Close(statistic, a.Statistic, 1e-5); // single rounding moves D a little
            Assert.InRange(a.PValue, pValue * 0.99, pValue * 1.01);
        }

        [Theory]
        [InlineData(1, 0.75, 0.5)]
        [InlineData(5, 0.3, 0.664)]
        [InlineData(10, 0.25, 0.4841115325000003)]
        [InlineData(20, 0.1, 0.976255094592155)]
        [InlineData(50, 0.2, 0.03143877776953241)]
        [InlineData(100, 0.05, 0.9532159710635725)]
        [InlineData(100, 0.25, 5.408871776434847e-06)]
        // For n > 140 scipy's kstwo switches to an approximation (here 6e−8 off); these two are the MTW matrix
        // power evaluated in mpmath at 60 digits (scipy: 0.7473166700457021 and 0.8108971656895577).
        [InlineData(500, 0.03, 0.7473166221808437)]
        [InlineData(1000, 0.02, 0.8108971310702121)]
        [InlineData(1000, 0.08, 5.154189384789824e-06)]
        [InlineData(30, 0.6, 7.392006292214292e-11)]
        [InlineData(7, 0.9, 1.999999999999997e-07)]
        public void Exact_p_values_match_scipy_kstwo(int n, double d, double expected) =>
            TestMath.Close(expected, KolmogorovSmirnov.PValue(d, n), 1e-10);

        [Theory]
        [InlineData(2000, 0.02, 0.3970579809033367, 0.3953133626892045)]
        [InlineData(5000, 0.03, 0.00023929285323768428, 0.00024159234422666817)]
        [InlineData(10000, 0.005, 0.9635566521967514, 0.9628778025204304)]
        public void Large_n_uses_the_Stephens_corrected_limit(int n, double d, double stephens, double exact)
        {
            double p = KolmogorovSmirnov.PValue(d, n);
            TestMath.Close(stephens, p, 1e-12);   // the documented formula, computed with mpmath
            TestMath.Close(exact, p, 1e-2);       // and within 1% of the exact value (scipy kstwo.sf)
        }

        [Fact]
        public void Both_branches_of_the_asymptotic_series_agree_at_the_switch()
        {
            TestMath.Close(KolmogorovSmirnov.KolmogorovComplement(1.0 - 1e-12), KolmogorovSmirnov.KolmogorovComplement(1.0), 1e-10);
            TestMath.Close(0.2699996716773545, KolmogorovSmirnov.KolmogorovComplement(1.0), 1e-13);
        }

        [Theory]
        [InlineData(10, 0.0, 1.0)]
        [InlineData(10, 0.05, 1.0)]   // D ≥ 1/(2n) always
        [InlineData(10, 1.0, 0.0)]
        public void P_value_edges(int n, double d, double expected) =>
            Assert.Equal(expected, KolmogorovSmirnov.PValue(d, n));

        [Fact]
        public void Input_is_not_modified()
        {
            double[] sample = { 0.3, -1.0, 2.0, 0.1 };
            double[] copy = (double[])sample.Clone();
            KolmogorovSmirnov.Test(sample, new Normal(0.0, 1.0));
            Assert.Equal(copy, sample);
        }

        [Fact]
        public void Invalid_input_throws()
        {
            Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Test(ReadOnlySpan<double>.Empty, new Normal(0, 1)));
            Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Test(ReadOnlySpan<float>.Empty, new Normal(0, 1)));
            Assert.Throws<ArgumentException>(() => KolmogorovSmirnov.Test(new[] { 0.1, double.NaN }, new Normal(0, 1)));
            Assert.Throws<ArgumentNullException>(() => KolmogorovSmirnov.Test(new[] { 0.1 }, null!));
            Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.PValue(0.1, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.PValue(double.NaN, 5));
        }

        [Fact]
        public void A_sample_outside_the_support_has_D_1_and_p_0()
        {
            var result = KolmogorovSmirnov.Test(new[] { 5.0, 6.0, 7.0 }, new Uniform(-1.0, 1.0));
            Assert.Equal(1.0, result.Statistic);
            Assert.Equal(0.0, result.PValue);
        }
    }
}
