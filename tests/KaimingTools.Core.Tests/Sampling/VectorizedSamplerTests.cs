using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CsCheck;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Sampling.Simd;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Sampling
{
    /// <summary>
    /// The vector and multi-threaded paths must reproduce the scalar reference bit for bit: for every kind,
    /// element type, seed, start (aligned or not), length (including tails shorter than a vector) and
    /// thread count. Each test forces the paths and compares the raw bits.
    /// </summary>
    public class VectorizedSamplerTests
    {
        private static readonly DistributionKind[] Kinds = { DistributionKind.Uniform, DistributionKind.Normal, DistributionKind.TruncatedNormal };

        /// <summary>The vector paths this CPU can run (the scalar path is the reference, not listed).</summary>
        private static IEnumerable<SamplerPath> VectorPaths =>
            new[] { SamplerPath.Vector256, SamplerPath.Vector512 }.Where(VectorSampler.IsSupported);

        public static TheoryData<DistributionKind, bool> KindsAndTypes => new()
        {
            { DistributionKind.Uniform, false },
            { DistributionKind.Normal, false },
            { DistributionKind.TruncatedNormal, false },
            { DistributionKind.Uniform, true },
            { DistributionKind.Normal, true },
            { DistributionKind.TruncatedNormal, true },
        };

        [Fact]
        public void This_machine_runs_at_least_one_vector_path()
        {
            // The CI and development machines have AVX2 (and AVX-512); without it the comparisons below
            // would compare the scalar path with itself and prove nothing.
            Assert.NotEmpty(VectorPaths);
            Assert.NotEqual(SamplerPath.Scalar, VectorSampler.Resolve(SamplerPath.Auto));
        }

        [Fact]
        public void Vector512_is_tested_where_the_runtime_accelerates_it()
        {
            Assert.Equal(System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated, VectorPaths.Contains(SamplerPath.Vector512) || !System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated);
            Assert.Equal(System.Runtime.Intrinsics.X86.Avx512F.IsSupported, VectorSampler.IsSupported(SamplerPath.Vector512));
        }

        [Theory]
        [MemberData(nameof(KindsAndTypes))]
        public void Every_path_and_thread_count_matches_the_scalar_stream(DistributionKind kind, bool asDouble)
        {
            // Crosses chunk boundaries (65 536) from an unaligned start, with a ragged tail.
            const int Length = (3 * ParallelFill.ChunkElements) + 4321;
            foreach (long first in new long[] { 0, 1, 2, 3, 5, 65_533, (1L << 33) + 7 })
            {
                if (asDouble)
                {
                    double[] reference = FillDouble(kind, 20261204, first, Length, SamplerPath.Scalar, 1);
                    foreach (SamplerPath path in VectorPaths)
                    {
                        AssertSameBits(reference, FillDouble(kind, 20261204, first, Length, path, 1), $"{path}, first {first}");
                    }

                    AssertSameBits(reference, FillDouble(kind, 20261204, first, Length, SamplerPath.Auto, 2), $"2 threads, first {first}");
                    AssertSameBits(reference, FillDouble(kind, 20261204, first, Length, SamplerPath.Auto, 3), $"3 threads, first {first}");
                }
                else
                {
                    float[] reference = FillSingle(kind, 20261204, first, Length, SamplerPath.Scalar, 1);
                    foreach (SamplerPath path in VectorPaths)
                    {
                        AssertSameBits(reference, FillSingle(kind, 20261204, first, Length, path, 1), $"{path}, first {first}");
                    }

                    AssertSameBits(reference, FillSingle(kind, 20261204, first, Length, SamplerPath.Auto, 2), $"2 threads, first {first}");
                    AssertSameBits(reference, FillSingle(kind, 20261204, first, Length, SamplerPath.Auto, 3), $"3 threads, first {first}");
                }
            }
        }

        [Fact]
        public void Random_seeds_offsets_and_lengths_match_the_scalar_stream_on_every_path()
        {
            Gen.Select(Gen.Int[0, 2], Gen.Long[0, 1L << 45], Gen.Int[0, 3000], Gen.ULong, Gen.Bool, Gen.Int[1, 4]).Sample(t =>
            {
                var (kindIndex, first, length, seed, asDouble, threads) = t;
                DistributionKind kind = Kinds[kindIndex];
                if (asDouble)
                {
                    double[] reference = FillDouble(kind, seed, first, length, SamplerPath.Scalar, 1);
                    return VectorPaths.All(p => SameBits(reference, FillDouble(kind, seed, first, length, p, threads)));
                }

                float[] expected = FillSingle(kind, seed, first, length, SamplerPath.Scalar, 1);
                return VectorPaths.All(p => SameBits(expected, FillSingle(kind, seed, first, length, p, threads)));
            }, iter: 300);
        }

        // A float32 sample depends only on the top 24 bits k of its Philox word (two words for a normal pair), so the
        // tests below feed the vector transforms every k and compare with the scalar reference bit for bit. This is
        // what proves exact the places where the vector code takes a different but equivalent route. The low 8 bits
        // of each word are noise: they must not matter.
        private const int AllInputs = 1 << 24;

        private static uint Word(uint k) => (k << 8) | ((k * 2654435761u) >> 24);

        [Fact]
        public void The_float32_uniform_transform_matches_the_reference_on_all_2_pow_24_inputs()
        {
            var buffer = new float[AllInputs];
            foreach (SamplerPath path in VectorPaths)
            {
                for (uint k = 0; k < AllInputs; k++)
                {
                    buffer[k] = BitConverter.Int32BitsToSingle((int)Word(k));
                }

                Assert.Equal(0, VectorSampler.TransformWords(buffer, DistributionKind.Uniform, path));
                for (uint k = 0; k < AllInputs; k++)
                {
                    if (!SameBits(CounterSampler.UniformSymmetric(Word(k)), buffer[k]))
                    {
                        Assert.Fail($"{path}: k = {k}: {buffer[k]:R}, the reference gives {CounterSampler.UniformSymmetric(Word(k)):R}");
                    }
                }
            }
        }

        [Fact]
        public void The_float32_normal_transform_matches_the_reference_for_every_radius_and_every_angle()
        {
            // Pair i takes radius input i and angle input 5i + 1 (mod 2²⁴, a permutation), so every radius and every
            // angle occurs once, each beside a different partner.
            var buffer = new float[2 * AllInputs];
            foreach (SamplerPath path in VectorPaths)
            {
                for (uint i = 0; i < AllInputs; i++)
                {
                    buffer[2 * i] = BitConverter.Int32BitsToSingle((int)Word(i));
                    buffer[(2 * i) + 1] = BitConverter.Int32BitsToSingle((int)Word(((5 * i) + 1) & (AllInputs - 1)));
                }

                Assert.Equal(0, VectorSampler.TransformWords(buffer, DistributionKind.Normal, path));
                for (uint i = 0; i < AllInputs; i++)
                {
                    CounterSampler.BoxMuller(Word(i), Word(((5 * i) + 1) & (AllInputs - 1)), out float z0, out float z1);
                    if (!SameBits(z0, buffer[2 * i]))
                    {
                        Assert.Fail($"{path}: pair {i}, first: {buffer[2 * i]:R}, the reference gives {z0:R}");
                    }

                    if (!SameBits(z1, buffer[(2 * i) + 1]))
                    {
                        Assert.Fail($"{path}: pair {i}, second: {buffer[(2 * i) + 1]:R}, the reference gives {z1:R}");
                    }
                }
            }
        }

        [Fact]
        public void The_float32_truncated_normal_transform_matches_the_reference_on_all_2_pow_24_inputs()
        {
            // The fast path and the rare lanes it leaves to the gathered tail evaluation alike.
            var buffer = new float[AllInputs];
            foreach (SamplerPath path in VectorPaths)
            {
                for (uint k = 0; k < AllInputs; k++)
                {
                    buffer[k] = BitConverter.Int32BitsToSingle((int)Word(k));
                }

                int finished = VectorSampler.TransformWords(buffer, DistributionKind.TruncatedNormal, path);
                for (uint k = 0; k < AllInputs; k++)
                {
                    if (!SameBits(CounterSampler.TruncatedStandard(k), buffer[k]))
                    {
                        Assert.Fail($"{path}: k = {k}: {buffer[k]:R}, the reference gives {CounterSampler.TruncatedStandard(k):R}");
                    }
                }

                // The lanes left to the tail evaluation are exactly those whose p is in Acklam's tail region.
                int tail = Enumerable.Range(0, AllInputs).Count(k =>
                {
                    double p = CounterSampler.TruncatedProbability((uint)k);
                    return p < PortableMath.AcklamPLow || p > 1 - PortableMath.AcklamPLow;
                });
                Assert.Equal(tail, finished);
                Assert.Equal(2 * (int)CounterSampler.TruncatedCentralFirst, finished);
            }
        }

        [Fact]
        public void The_default_overload_still_gives_the_pinned_golden_bits_through_the_vector_path()
        {
            // GoldenStreamTests pins 6 elements; here 4096 elements from the same start must agree with the
            // scalar path so those pins cover the vector lanes too.
            var auto = new float[4096];
            CounterSampler.Fill(auto, DistributionKind.Normal, 1.0, 42);
            var scalar = new float[4096];
            CounterSampler.Fill(scalar, DistributionKind.Normal, 1.0, 42, 0, 1, SamplerPath.Scalar, CancellationToken.None, null);
            AssertSameBits(scalar, auto, "auto");
            Assert.Equal(0xbf785e59u, (uint)BitConverter.SingleToInt32Bits(auto[0]));
        }

        [Fact]
        public void Progress_is_reported_on_the_calling_thread_and_ends_at_the_length()
        {
            var values = new float[40 * ParallelFill.ChunkElements];
            foreach (int threads in new[] { 1, 2 })
            {
                var progress = new RecordingProgress();
                CounterSampler.Fill(values, DistributionKind.Uniform, 1.0, 1, 0, threads, CancellationToken.None, progress);
                Assert.All(progress.Threads, id => Assert.Equal(Environment.CurrentManagedThreadId, id));
                Assert.Equal(values.Length, progress.Values[^1]);
                Assert.True(progress.Values.Zip(progress.Values.Skip(1), (a, b) => a < b).All(x => x), "progress increases");
                if (threads == 1)
                {
                    // With helpers, one may finish every chunk while the calling thread is descheduled, and then
                    // there is nothing left to report before the end; alone, the caller reports every 2²⁰ elements.
                    Assert.True(progress.Values.Count >= 2, "reported before the end too");
                }
            }
        }

        [Fact]
        public void A_cancelled_token_stops_the_fill()
        {
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            var values = new double[4 * ParallelFill.ChunkElements];
            Assert.Throws<OperationCanceledException>(() => CounterSampler.Fill(values, DistributionKind.Normal, 1.0, 1, 0, 2, cts.Token));
            Assert.All(values, v => Assert.Equal(0.0, v));
        }

        [Fact]
        public void Cancelling_from_progress_stops_before_the_end()
        {
            using var cts = new CancellationTokenSource();
            var values = new float[64 * ParallelFill.ChunkElements];
            var progress = new CancellingProgress(cts);

            // One thread: a helper could otherwise fill every chunk before the caller's first report (a loaded
            // machine deschedules it), and a fill that completes is not cancelled.
            Assert.Throws<OperationCanceledException>(() => CounterSampler.Fill(values, DistributionKind.Uniform, 1.0, 1, 0, 1, cts.Token, progress));
            Assert.Contains(0f, values);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void A_degree_of_parallelism_below_one_is_rejected(int degree)
        {
            var values = new float[8];
            Assert.Throws<ArgumentOutOfRangeException>(() => CounterSampler.Fill(values, DistributionKind.Uniform, 1.0, 1, 0, degree));
        }

        [Fact]
        public void Generate_gives_the_same_tensor_at_every_throttle_limit()
        {
            Initializer init = Initializer.Kaiming(DistributionKind.TruncatedNormal);
            long[] shape = { 700, 1031 };
            var one = (float[])init.Generate(shape, seed: 5, maxDegreeOfParallelism: 1).Data;
            var all = (float[])init.Generate(shape, seed: 5).Data;
            var three = (float[])init.Generate(shape, seed: 5, maxDegreeOfParallelism: 3).Data;
            AssertSameBits(one, all, "all cores");
            AssertSameBits(one, three, "3 threads");
        }

        [Fact]
        public void Generate_rejects_a_throttle_limit_below_one()
        {
            var e = Assert.Throws<InitArgumentException>(() => Initializer.Kaiming().Generate(new long[] { 4, 4 }, maxDegreeOfParallelism: 0));
            Assert.Equal("InvalidThrottleLimit", e.ErrorId);
        }

        private static float[] FillSingle(DistributionKind kind, ulong seed, long first, int length, SamplerPath path, int threads)
        {
            var values = new float[length];
            CounterSampler.Fill(values, kind, 0.75, seed, first, threads, path, CancellationToken.None, null);
            return values;
        }

        private static double[] FillDouble(DistributionKind kind, ulong seed, long first, int length, SamplerPath path, int threads)
        {
            var values = new double[length];
            CounterSampler.Fill(values, kind, 0.75, seed, first, threads, path, CancellationToken.None, null);
            return values;
        }

        private static bool SameBits(float[] a, float[] b) =>
            a.Select(BitConverter.SingleToInt32Bits).SequenceEqual(b.Select(BitConverter.SingleToInt32Bits));

        private static bool SameBits(double[] a, double[] b) =>
            a.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(b.Select(BitConverter.DoubleToInt64Bits));

        private static bool SameBits(float a, float b) => BitConverter.SingleToInt32Bits(a) == BitConverter.SingleToInt32Bits(b);

        private static void AssertSameBits(float[] expected, float[] actual, string what)
        {
            int i = Enumerable.Range(0, expected.Length).FirstOrDefault(j => BitConverter.SingleToInt32Bits(expected[j]) != BitConverter.SingleToInt32Bits(actual[j]), -1);
            Assert.True(i < 0, $"{what}: element {i} differs: {(i < 0 ? 0 : expected[i]):R} vs {(i < 0 ? 0 : actual[i]):R}");
        }

        private static void AssertSameBits(double[] expected, double[] actual, string what)
        {
            int i = Enumerable.Range(0, expected.Length).FirstOrDefault(j => BitConverter.DoubleToInt64Bits(expected[j]) != BitConverter.DoubleToInt64Bits(actual[j]), -1);
            Assert.True(i < 0, $"{what}: element {i} differs: {(i < 0 ? 0 : expected[i]):R} vs {(i < 0 ? 0 : actual[i]):R}");
        }

        private sealed class RecordingProgress : IProgress<long>
        {
            public List<long> Values { get; } = new();

            public List<int> Threads { get; } = new();

            public void Report(long value)
            {
                Values.Add(value);
                Threads.Add(Environment.CurrentManagedThreadId);
            }
        }

        private sealed class CancellingProgress(CancellationTokenSource source) : IProgress<long>
        {
            public void Report(long value) => source.Cancel();
        }
    }
}
