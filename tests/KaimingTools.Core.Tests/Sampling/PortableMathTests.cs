using System;
using KaimingTools.Sampling;

namespace KaimingTools.Tests.Sampling
{
    public class PortableMathTests
    {
        private static double UlpDistance(double a, double b) => Math.Abs(a - b) / Math.Max(Math.Abs(b) * Math.Pow(2, -52), double.Epsilon);

        private static double UlpDistance(float a, float b) => Math.Abs((double)a - b) / Math.Max(Math.Abs((double)b) * Math.Pow(2, -23), double.Epsilon);

        [Fact]
        public void Float_log_is_within_two_ulp_over_the_sampler_range()
        {
            double worst = 0;
            for (int k = 1; k <= 1 << 24; k += 997)
            {
                float u = k * (1f / 16777216f);
                float expected = (float)Math.Log(u);
                if (expected != 0)
                {
                    worst = Math.Max(worst, UlpDistance(PortableMath.Log(u), expected));
                }
            }

            Assert.InRange(worst, 0, 2.0);
            Assert.Equal(0f, PortableMath.Log(1f));
        }

        [Fact]
        public void Double_log_is_within_two_ulp()
        {
            var rng = new Random(12345);
            double worst = 0;
            for (int i = 0; i < 200_000; i++)
            {
                double x = Math.Pow(2, -60 * rng.NextDouble()) * (0.5 + rng.NextDouble());
                double expected = Math.Log(x);
                if (expected != 0)
                {
                    worst = Math.Max(worst, UlpDistance(PortableMath.Log(x), expected));
                }
            }

            Assert.InRange(worst, 0, 2.0);
            Assert.Equal(-37.429947750237045, PortableMath.Log(5.5511151231257827e-17), 14);
        }

        [Fact]
        public void SinCos_match_the_runtime_on_the_reduced_range()
        {
            double worstSin = 0, worstCos = 0, worstSinF = 0, worstCosF = 0;
            for (int i = -100_000; i <= 100_000; i++)
            {
                double a = i * (Math.PI / 4 / 100_000);
                PortableMath.SinCos(a, out double s, out double c);
                worstSin = Math.Max(worstSin, Math.Abs(s - Math.Sin(a)));
                worstCos = Math.Max(worstCos, Math.Abs(c - Math.Cos(a)));
                PortableMath.SinCos((float)a, out float sf, out float cf);
                worstSinF = Math.Max(worstSinF, Math.Abs(sf - Math.Sin((float)a)));
                worstCosF = Math.Max(worstCosF, Math.Abs(cf - Math.Cos((float)a)));
            }

            Assert.InRange(worstSin, 0, 3e-16);
            Assert.InRange(worstCos, 0, 3e-16);
            Assert.InRange(worstSinF, 0, 1.5e-7);
            Assert.InRange(worstCosF, 0, 1.5e-7);
        }

        [Theory]
        [InlineData(-3.0)]
        [InlineData(-0.5)]
        [InlineData(0.0)]
        [InlineData(1e-3)]
        [InlineData(2.0)]
        [InlineData(30.5)]
        public void Exp_is_within_two_ulp(double x)
        {
            Assert.InRange(UlpDistance(PortableMath.Exp(x), Math.Exp(x)), 0, 2.0);
        }

        // Reference quantiles from mpmath at 50 digits.
        [Theory]
        [InlineData(0.5, 0.0)]
        [InlineData(0.975, 1.959963984540054)]
        [InlineData(0.02275013194817921, -2.0)]
        [InlineData(0.1, -1.2815515655446004)]
        [InlineData(0.9, 1.2815515655446004)]
        [InlineData(0.03, -1.8807936081512509)]
        public void Refined_quantile_is_accurate_to_1e_minus_14(double p, double expected)
        {
            Assert.Equal(expected, PortableMath.RefinedNormalQuantile(p), 14);
            Assert.InRange(Math.Abs(PortableMath.AcklamNormalQuantile(p) - expected), 0, 1.15e-9 * Math.Abs(expected));
        }

        [Theory]
        [InlineData(-2.0, 0.022750131948179207)]
        [InlineData(0.0, 0.5)]
        [InlineData(1.0, 0.84134474606854293)]
        [InlineData(2.5, 0.99379033467422384)]
        public void Central_cdf_is_accurate(double x, double expected)
        {
            Assert.Equal(expected, PortableMath.NormalCdfCentral(x), 15);
        }
    }
}
