using System;
using System.Linq;
using CsCheck;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Statistics;

namespace KaimingTools.Tests.Sampling
{
    public class CounterSamplerTests
    {
        private const int N = 1 << 20;

        public static TheoryData<DistributionKind, double, double> StandardMoments => new()
        {
            // kind, variance of the standard sample, excess kurtosis
            { DistributionKind.Uniform, 1.0 / 3, -1.2 },
            { DistributionKind.Normal, 1.0, 0.0 },
            { DistributionKind.TruncatedNormal, CounterSamplerTests.TruncatedVariance, CounterSamplerTests.TruncatedKurtosis },
        };

        // Standard normal truncated to [−a, a], a = 2, Z = 2Φ(a) − 1: E[z²] = 1 − 2aφ(a)/Z (= 0.87962566103423978²),
        // E[z⁴] = 3 − (2a³ + 6a)φ(a)/Z, excess kurtosis E[z⁴]/E[z²]² − 3.
        internal const double TruncatedVariance = 0.7737413035499232;
        internal const double TruncatedKurtosis = -0.6344632828703505;

        [Theory]
        [MemberData(nameof(StandardMoments))]
        public void Float32_samples_have_the_right_moments(DistributionKind kind, double variance, double kurtosis)
        {
            var values = new float[N];
            CounterSampler.Fill(values, kind, 1.0, seed: 42);
            AssertMoments(SampleSummary.Of(values), variance, kurtosis);
        }

        [Theory]
        [MemberData(nameof(StandardMoments))]
        public void Float64_samples_have_the_right_moments(DistributionKind kind, double variance, double kurtosis)
        {
            var values = new double[N];
            CounterSampler.Fill(values, kind, 1.0, seed: 7);
            AssertMoments(SampleSummary.Of(values), variance, kurtosis);
        }

        // Standard errors at n = 2^20: mean ≈ σ/1024, variance ≈ 1.4e−3·σ², kurtosis ≈ 5e−3; thresholds are 5 SE.
        private static void AssertMoments(SampleSummary s, double variance, double kurtosis)
        {
            Assert.InRange(s.Mean, -5 * Math.Sqrt(variance) / 1024, 5 * Math.Sqrt(variance) / 1024);
            Assert.InRange(s.Variance / variance, 1 - 0.007, 1 + 0.007);
            Assert.InRange(s.ExcessKurtosis, kurtosis - 0.025, kurtosis + 0.025);
        }

        [Theory]
        [InlineData(DistributionKind.Uniform, 1.0)]
        [InlineData(DistributionKind.TruncatedNormal, 2.0)]
        public void Samples_stay_inside_the_support(DistributionKind kind, double limit)
        {
            var f = new float[N];
            var d = new double[N];
            CounterSampler.Fill(f, kind, 1.0, seed: 3);
            CounterSampler.Fill(d, kind, 1.0, seed: 3);
            Assert.All(f, v => Assert.InRange(v, -limit, limit));
            Assert.All(d, v => Assert.InRange(v, -limit, limit));
            Assert.True(f.Max() > 0.99 * limit && f.Min() < -0.99 * limit);
        }

        [Fact]
        public void Scale_multiplies_the_standard_sample()
        {
            var unit = new float[1000];
            var scaled = new float[1000];
            CounterSampler.Fill(unit, DistributionKind.Normal, 1.0, seed: 9);
            CounterSampler.Fill(scaled, DistributionKind.Normal, 0.0625, seed: 9);
            for (int i = 0; i < unit.Length; i++)
            {
                Assert.Equal(unit[i] * 0.0625f, scaled[i]);
            }
        }

        [Fact]
        public void Different_seeds_give_different_streams()
        {
            var a = new float[64];
            var b = new float[64];
            CounterSampler.Fill(a, DistributionKind.Normal, 1.0, seed: 1);
            CounterSampler.Fill(b, DistributionKind.Normal, 1.0, seed: 1UL << 32);
            Assert.Equal(0, a.Zip(b, (x, y) => x == y ? 1 : 0).Sum());
        }

        [Fact]
        public void Any_slice_equals_the_same_slice_of_the_whole()
        {
            const int Length = 4099;
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, Length - 1], Gen.Int[0, 300], Gen.ULong, Gen.Bool).Sample(t =>
            {
                var (kindIndex, start, length, seed, asDouble) = t;
                var kind = (DistributionKind)kindIndex;
                length = Math.Min(length, Length - start);
                if (asDouble)
                {
                    var whole = new double[Length];
                    var slice = new double[length];
                    CounterSampler.Fill(whole, kind, 0.5, seed);
                    CounterSampler.Fill(slice, kind, 0.5, seed, start);
                    return whole.AsSpan(start, length).SequenceEqual(slice);
                }
                else
                {
                    var whole = new float[Length];
                    var slice = new float[length];
                    CounterSampler.Fill(whole, kind, 0.5, seed);
                    CounterSampler.Fill(slice, kind, 0.5, seed, start);
                    return whole.AsSpan(start, length).SequenceEqual(slice);
                }
            }, iter: 300);
        }

        [Fact]
        public void Far_indices_are_reachable_without_generating_what_precedes_them()
        {
            var far = new float[8];
            CounterSampler.Fill(far, DistributionKind.Uniform, 1.0, seed: 5, firstIndex: 1L << 40);
            Assert.All(far, v => Assert.InRange(v, -1f, 1f));
            Assert.Equal(8, far.Distinct().Count());
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(-1.0)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void Invalid_scale_is_refused(double scale)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CounterSampler.Fill(new float[4], DistributionKind.Normal, scale, 1));
        }

        [Fact]
        public void Negative_first_index_is_refused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => CounterSampler.Fill(new double[4], DistributionKind.Normal, 1, 1, -1));
        }
    }
}
