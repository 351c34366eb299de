using System;
using System.Runtime.CompilerServices;
using System.Threading;
using KaimingTools.Distributions;
using KaimingTools.Sampling.Simd;

namespace KaimingTools.Sampling
{
    /// <summary>
    /// Deterministic, counter-based sampling of initial weights: element <c>i</c> of a tensor depends
    /// only on <c>(seed, i)</c>, so any slice generated alone equals the same slice of the whole.
    /// </summary>
    /// <remarks>
    /// <para>The stream (version <see cref="StreamVersion"/>) is defined as follows; changing any of it is
    /// a deliberate, versioned break, and the golden-value tests pin it.</para>
    /// <list type="bullet">
    /// <item>Philox4x32-10 with key (seed mod 2³², seed ≫ 32) and counter (b mod 2³², b ≫ 32, 0, 0)
    /// gives block b = four 32-bit words x₀…x₃.</item>
    /// <item>float32: block b holds elements 4b…4b+3, one per word. float64: block b holds elements
    /// 2b, 2b+1, one per 53-bit integer k = ((x₁·2³² + x₀) ≫ 11) and ((x₃·2³² + x₂) ≫ 11).</item>
    /// <item>Uniform: v = (2k+1)·2⁻ᴾ − 1 with k the top P bits (P = 24 or 53), symmetric in (−1, 1),
    /// then w = v·b.</item>
    /// <item>Normal: Box–Muller on word pairs (x₀, x₁) and (x₂, x₃) for float32, on the two 53-bit
    /// integers for float64: r = √(−2 ln((k₁+1)·2⁻ᴾ)), θ = (π/2)·k₂·2^(2−P) taken to the nearest
    /// quadrant exactly in integers, z = (r cos θ, r sin θ), w = z·σ. ln, sin and cos are
    /// <see cref="PortableMath"/>'s, not the C library's.</item>
    /// <item>Truncated normal (±2): p − ½ = ((k + ½)·2⁻ᴾ − ½)·(2Φ(2) − 1), z = Φ⁻¹(p) (Acklam; for
    /// float64 with one Halley step), clamped to [−2, 2], w = z·σ'.</item>
    /// </list>
    /// <para>float32 transforms compute in float32 except the truncated-normal quantile (double, then
    /// rounded once). Only IEEE +, −, ×, ÷, √ and floor are used, so results are bit-identical on every
    /// x64/arm64 runtime.</para>
    /// </remarks>
    public static class CounterSampler
    {
        /// <summary>Version of the stream definition above; recorded in every tensor and file.</summary>
        public const int StreamVersion = 1;

        /// <summary>2Φ(2) − 1: the mass of a standard normal in [−2, 2].</summary>
        internal const double CentralMassTwoSigma = 0.95449973610364158;

        /// <summary>
        /// The float32 inputs k whose p lies in Acklam's central region [0.02425, 0.97575] are
        /// <see cref="TruncatedCentralFirst"/> to <see cref="TruncatedCentralLast"/> (p is monotone in k; the
        /// tests check both ends against the reference).
        /// </summary>
        internal const uint TruncatedCentralFirst = 26363;

        /// <inheritdoc cref="TruncatedCentralFirst"/>
        internal const uint TruncatedCentralLast = (1u << 24) - 1 - TruncatedCentralFirst;

        internal const float TwoPow24Inv = 1f / 16777216f;
        internal const float OneMinusHalfUlp24 = 1f - (1f / 16777216f); // 1 − 2⁻²⁴, exact in float
        internal const double TwoPow53Inv = 1.0 / 9007199254740992.0;
        internal const double OneMinusHalfUlp53 = 1.0 - (1.0 / 9007199254740992.0);

        /// <summary>
        /// Fills <paramref name="destination"/> with elements <paramref name="firstIndex"/>,
        /// <paramref name="firstIndex"/>+1, … of the stream for <paramref name="seed"/>, on all cores.
        /// </summary>
        /// <param name="destination">Where the samples go.</param>
        /// <param name="kind">The distribution family.</param>
        /// <param name="scale">b for <see cref="DistributionKind.Uniform"/>, σ for
        /// <see cref="DistributionKind.Normal"/>, the parent σ' (cut at ±2σ') for
        /// <see cref="DistributionKind.TruncatedNormal"/>. Must be positive and finite.</param>
        /// <param name="seed">The stream's key.</param>
        /// <param name="firstIndex">Index of <c>destination[0]</c> in the whole tensor (≥ 0).</param>
        /// <exception cref="ArgumentOutOfRangeException">scale is not positive and finite, firstIndex is negative, or kind is unknown.</exception>
        public static void Fill(Span<float> destination, DistributionKind kind, double scale, ulong seed, long firstIndex = 0) =>
            Fill(destination, kind, scale, seed, firstIndex, null, SamplerPath.Auto, default, null);

        /// <inheritdoc cref="Fill(Span{float}, DistributionKind, double, ulong, long)"/>
        public static void Fill(Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstIndex = 0) =>
            Fill(destination, kind, scale, seed, firstIndex, null, SamplerPath.Auto, default, null);

        /// <summary>
        /// Fills <paramref name="destination"/> with elements <paramref name="firstIndex"/>,
        /// <paramref name="firstIndex"/>+1, … of the stream for <paramref name="seed"/>, on up to
        /// <paramref name="maxDegreeOfParallelism"/> threads. The bits do not depend on the thread count or
        /// on the CPU's SIMD width.
        /// </summary>
        /// <param name="destination">Where the samples go.</param>
        /// <param name="kind">The distribution family.</param>
        /// <param name="scale">b, σ or the parent σ', as in <see cref="Fill(Span{float}, DistributionKind, double, ulong, long)"/>.</param>
        /// <param name="seed">The stream's key.</param>
        /// <param name="firstIndex">Index of <c>destination[0]</c> in the whole tensor (≥ 0).</param>
        /// <param name="maxDegreeOfParallelism">Most threads to use (≥ 1); null for one per core.</param>
        /// <param name="cancellationToken">Checked before every chunk of 65 536 elements.</param>
        /// <param name="progress">Told the number of elements done (about every million, and at the end), on the calling thread only.</param>
        /// <exception cref="ArgumentOutOfRangeException">scale is not positive and finite, firstIndex is negative,
        /// kind is unknown, or maxDegreeOfParallelism is below 1.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; the destination is then partly written.</exception>
        public static void Fill(
            Span<float> destination, DistributionKind kind, double scale, ulong seed, long firstIndex, int? maxDegreeOfParallelism,
            CancellationToken cancellationToken = default, IProgress<long>? progress = null) =>
            Fill(destination, kind, scale, seed, firstIndex, maxDegreeOfParallelism, SamplerPath.Auto, cancellationToken, progress);

        /// <inheritdoc cref="Fill(Span{float}, DistributionKind, double, ulong, long, int?, CancellationToken, IProgress{long})"/>
        public static void Fill(
            Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstIndex, int? maxDegreeOfParallelism,
            CancellationToken cancellationToken = default, IProgress<long>? progress = null) =>
            Fill(destination, kind, scale, seed, firstIndex, maxDegreeOfParallelism, SamplerPath.Auto, cancellationToken, progress);

        /// <summary>As the public overload, on a chosen <paramref name="path"/> (tests and benchmarks compare them).</summary>
        /// <exception cref="NotSupportedException">This CPU cannot run <paramref name="path"/>.</exception>
        internal static void Fill(
            Span<float> destination, DistributionKind kind, double scale, ulong seed, long firstIndex, int? maxDegreeOfParallelism,
            SamplerPath path, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            Validate(kind, scale, firstIndex, maxDegreeOfParallelism, path);
            ParallelFill.Run(destination, firstIndex, maxDegreeOfParallelism, new SingleChunks(kind, (float)scale, seed, path), cancellationToken, progress);
        }

        /// <inheritdoc cref="Fill(Span{float}, DistributionKind, double, ulong, long, int?, SamplerPath, CancellationToken, IProgress{long})"/>
        internal static void Fill(
            Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstIndex, int? maxDegreeOfParallelism,
            SamplerPath path, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            Validate(kind, scale, firstIndex, maxDegreeOfParallelism, path);
            ParallelFill.Run(destination, firstIndex, maxDegreeOfParallelism, new DoubleChunks(kind, scale, seed, path), cancellationToken, progress);
        }

        private static void Validate(DistributionKind kind, double scale, long firstIndex, int? maxDegreeOfParallelism, SamplerPath path)
        {
            if (!(scale > 0) || double.IsInfinity(scale))
            {
                throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and finite.");
            }

            if (firstIndex < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(firstIndex), firstIndex, "The first index must not be negative.");
            }

            if (kind is not (DistributionKind.Uniform or DistributionKind.Normal or DistributionKind.TruncatedNormal))
            {
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown distribution.");
            }

            if (maxDegreeOfParallelism < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "The degree of parallelism must be at least 1.");
            }

            if (!VectorSampler.IsSupported(path))
            {
                throw new NotSupportedException($"This CPU cannot run the {path} sampler.");
            }
        }

        /// <summary>One thread's share: a scalar head up to a block boundary, whole vector groups, a scalar tail.</summary>
        private readonly struct SingleChunks : IChunkFiller<float>
        {
            private readonly DistributionKind kind;
            private readonly float scale;
            private readonly ulong seed;
            private readonly SamplerPath path;

            internal SingleChunks(DistributionKind kind, float scale, ulong seed, SamplerPath path)
            {
                this.kind = kind;
                this.scale = scale;
                this.seed = seed;
                this.path = path;
            }

            public void Fill(Span<float> chunk, long firstIndex)
            {
                int head = (int)Math.Min(chunk.Length, (4 - (firstIndex & 3)) & 3);
                FillScalar(chunk.Slice(0, head), kind, scale, seed, firstIndex);
                int done = head + VectorSampler.Fill(chunk.Slice(head), kind, scale, seed, (firstIndex + head) >> 2, path);
                FillScalar(chunk.Slice(done), kind, scale, seed, firstIndex + done);
            }
        }

        /// <inheritdoc cref="SingleChunks"/>
        private readonly struct DoubleChunks : IChunkFiller<double>
        {
            private readonly DistributionKind kind;
            private readonly double scale;
            private readonly ulong seed;
            private readonly SamplerPath path;

            internal DoubleChunks(DistributionKind kind, double scale, ulong seed, SamplerPath path)
            {
                this.kind = kind;
                this.scale = scale;
                this.seed = seed;
                this.path = path;
            }

            public void Fill(Span<double> chunk, long firstIndex)
            {
                int head = (int)Math.Min(chunk.Length, firstIndex & 1);
                FillScalar(chunk.Slice(0, head), kind, scale, seed, firstIndex);
                int done = head + VectorSampler.Fill(chunk.Slice(head), kind, scale, seed, (firstIndex + head) >> 1, path);
                FillScalar(chunk.Slice(done), kind, scale, seed, firstIndex + done);
            }
        }

        /// <summary>The reference: one Philox block at a time.</summary>
        private static void FillScalar(Span<float> destination, DistributionKind kind, float s, ulong seed, long firstIndex)
        {
            Span<float> block = stackalloc float[4];
            long index = firstIndex;
            int written = 0;
            while (written < destination.Length)
            {
                long b = index >> 2;
                int lane = (int)(index & 3);
                StandardBlock(kind, seed, b, block);
                int take = Math.Min(4 - lane, destination.Length - written);
                for (int j = 0; j < take; j++)
                {
                    destination[written + j] = block[lane + j] * s;
                }

                written += take;
                index += take;
            }
        }

        /// <inheritdoc cref="FillScalar(Span{float}, DistributionKind, float, ulong, long)"/>
        private static void FillScalar(Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstIndex)
        {
            Span<double> block = stackalloc double[2];
            long index = firstIndex;
            int written = 0;
            while (written < destination.Length)
            {
                long b = index >> 1;
                int lane = (int)(index & 1);
                StandardBlock(kind, seed, b, block);
                int take = Math.Min(2 - lane, destination.Length - written);
                for (int j = 0; j < take; j++)
                {
                    destination[written + j] = block[lane + j] * scale;
                }

                written += take;
                index += take;
            }
        }

        /// <summary>The four standard float32 samples of block <paramref name="block"/>.</summary>
        internal static void StandardBlock(DistributionKind kind, ulong seed, long block, Span<float> output)
        {
            Philox4x32.Block((uint)block, (uint)((ulong)block >> 32), 0, 0, (uint)seed, (uint)(seed >> 32),
                out uint x0, out uint x1, out uint x2, out uint x3);
            switch (kind)
            {
                case DistributionKind.Uniform:
                    output[0] = UniformSymmetric(x0);
                    output[1] = UniformSymmetric(x1);
                    output[2] = UniformSymmetric(x2);
                    output[3] = UniformSymmetric(x3);
                    break;
                case DistributionKind.Normal:
                    BoxMuller(x0, x1, out output[0], out output[1]);
                    BoxMuller(x2, x3, out output[2], out output[3]);
                    break;
                case DistributionKind.TruncatedNormal:
                    output[0] = TruncatedStandard(x0 >> 8);
                    output[1] = TruncatedStandard(x1 >> 8);
                    output[2] = TruncatedStandard(x2 >> 8);
                    output[3] = TruncatedStandard(x3 >> 8);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown distribution.");
            }
        }

        /// <summary>The standard float32 truncated-normal sample for the top 24 bits <paramref name="k"/> of a Philox word.</summary>
        internal static float TruncatedStandard(uint k) => (float)TruncatedStandard(k, TwoPow24Inv, AcklamOnly);

        /// <summary>The p of float32 input <paramref name="k"/>, before the quantile.</summary>
        internal static double TruncatedProbability(uint k) => Probability(k, TwoPow24Inv);

        /// <summary>The two standard float64 samples of block <paramref name="block"/>.</summary>
        internal static void StandardBlock(DistributionKind kind, ulong seed, long block, Span<double> output)
        {
            Philox4x32.Block((uint)block, (uint)((ulong)block >> 32), 0, 0, (uint)seed, (uint)(seed >> 32),
                out uint x0, out uint x1, out uint x2, out uint x3);
            ulong k0 = (((ulong)x1 << 32) | x0) >> 11;
            ulong k1 = (((ulong)x3 << 32) | x2) >> 11;
            switch (kind)
            {
                case DistributionKind.Uniform:
                    output[0] = (k0 * (2 * TwoPow53Inv)) - OneMinusHalfUlp53;
                    output[1] = (k1 * (2 * TwoPow53Inv)) - OneMinusHalfUlp53;
                    break;
                case DistributionKind.Normal:
                    BoxMuller(k0, k1, out output[0], out output[1]);
                    break;
                case DistributionKind.TruncatedNormal:
                    output[0] = TruncatedStandard(k0, TwoPow53Inv, Refined);
                    output[1] = TruncatedStandard(k1, TwoPow53Inv, Refined);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown distribution.");
            }
        }

        /// <summary>(2k+1)·2⁻²⁴ − 1 for the top 24 bits k of x: symmetric in (−1, 1), computed exactly.</summary>
        internal static float UniformSymmetric(uint x) => ((x >> 8) * (2 * TwoPow24Inv)) - OneMinusHalfUlp24;

        /// <summary>The float32 Box–Muller pair from the words a (radius) and b (angle).</summary>
        internal static void BoxMuller(uint a, uint b, out float z0, out float z1)
        {
            float u1 = ((a >> 8) + 1) * TwoPow24Inv; // (0, 1]: ln is finite
            float r = (float)Math.Sqrt(-2f * PortableMath.Log(u1));

            // θ = (π/2)·(k·2⁻²²) for k = b ≫ 8 in [0, 2²⁴): quadrant q = round(k·2⁻²²) and the
            // remainder f in [−2²¹, 2²¹) are exact integers, so θ − q·π/2 = f·(π/2)·2⁻²² ∈ [−π/4, π/4).
            int k = (int)(b >> 8);
            int q = (k + (1 << 21)) >> 22;
            int f = k - (q << 22);
            float angle = f * (float)(PortableMath.HalfPi / 4194304.0);
            PortableMath.SinCos(angle, out float sin, out float cos);
            Rotate(q, sin, cos, out float c, out float s);
            z0 = r * c;
            z1 = r * s;
        }

        private static void BoxMuller(ulong k0, ulong k1, out double z0, out double z1)
        {
            double u1 = (k0 + 1) * TwoPow53Inv;
            double r = Math.Sqrt(-2.0 * PortableMath.Log(u1));
            long q = (long)((k1 + (1UL << 50)) >> 51);
            long f = (long)k1 - (q << 51);
            double angle = f * (PortableMath.HalfPi / 2251799813685248.0);
            PortableMath.SinCos(angle, out double sin, out double cos);
            Rotate(q, sin, cos, out double c, out double s);
            z0 = r * c;
            z1 = r * s;
        }

        /// <summary>cos and sin of q·π/2 + a from sin a and cos a (quadrant by sign swaps, exact).</summary>
        private static void Rotate(long q, float sin, float cos, out float c, out float s)
        {
            long quadrant = q & 3;
            c = quadrant == 0 ? cos : quadrant == 1 ? -sin : quadrant == 2 ? -cos : sin;
            s = quadrant == 0 ? sin : quadrant == 1 ? cos : quadrant == 2 ? -sin : -cos;
        }

        /// <inheritdoc cref="Rotate(long, float, float, out float, out float)"/>
        private static void Rotate(long q, double sin, double cos, out double c, out double s)
        {
            long quadrant = q & 3;
            c = quadrant == 0 ? cos : quadrant == 1 ? -sin : quadrant == 2 ? -cos : sin;
            s = quadrant == 0 ? sin : quadrant == 1 ? cos : quadrant == 2 ? -sin : -cos;
        }

        private const bool AcklamOnly = false;
        private const bool Refined = true;

        private static double Probability(ulong k, double unit)
        {
            // Centre the uniform first so p − ½ keeps full relative precision near the middle.
            double centred = ((k + 0.5) * unit - 0.5) * CentralMassTwoSigma;
            return 0.5 + centred;
        }

        private static double TruncatedStandard(ulong k, double unit, bool refine)
        {
            double p = Probability(k, unit);
            double z = refine ? PortableMath.RefinedNormalQuantile(p) : PortableMath.AcklamNormalQuantile(p);
            return z < -2 ? -2 : (z > 2 ? 2 : z);
        }
    }
}
