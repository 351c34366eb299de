using System;
using KaimingTools.Distributions;

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

        private const float TwoPow24Inv = 1f / 16777216f;
        private const float OneMinusHalfUlp24 = 1f - (1f / 16777216f); // 1 − 2⁻²⁴, exact in float
        private const double TwoPow53Inv = 1.0 / 9007199254740992.0;
        private const double OneMinusHalfUlp53 = 1.0 - (1.0 / 9007199254740992.0);

        /// <summary>
        /// Fills <paramref name="destination"/> with elements <paramref name="firstIndex"/>,
        /// <paramref name="firstIndex"/>+1, … of the stream for <paramref name="seed"/>.
        /// </summary>
        /// <param name="destination">Where the samples go.</param>
        /// <param name="kind">The distribution family.</param>
        /// <param name="scale">b for <see cref="DistributionKind.Uniform"/>, σ for
        /// <see cref="DistributionKind.Normal"/>, the parent σ' (cut at ±2σ') for
        /// <see cref="DistributionKind.TruncatedNormal"/>. Must be positive and finite.</param>
        /// <param name="seed">The stream's key.</param>
        /// <param name="firstIndex">Index of <c>destination[0]</c> in the whole tensor (≥ 0).</param>
        /// <exception cref="ArgumentOutOfRangeException">scale is not positive and finite, or firstIndex is negative.</exception>
        public static void Fill(Span<float> destination, DistributionKind kind, double scale, ulong seed, long firstIndex = 0)
        {
            Validate(scale, firstIndex);
            float s = (float)scale;
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

        /// <inheritdoc cref="Fill(Span{float}, DistributionKind, double, ulong, long)"/>
        public static void Fill(Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstIndex = 0)
        {
            Validate(scale, firstIndex);
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

        private static void Validate(double scale, long firstIndex)
        {
            if (!(scale > 0) || double.IsInfinity(scale))
            {
                throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive and finite.");
            }

            if (firstIndex < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(firstIndex), firstIndex, "The first index must not be negative.");
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
                    output[0] = (float)TruncatedStandard(x0 >> 8, TwoPow24Inv, AcklamOnly);
                    output[1] = (float)TruncatedStandard(x1 >> 8, TwoPow24Inv, AcklamOnly);
                    output[2] = (float)TruncatedStandard(x2 >> 8, TwoPow24Inv, AcklamOnly);
                    output[3] = (float)TruncatedStandard(x3 >> 8, TwoPow24Inv, AcklamOnly);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown distribution.");
            }
        }

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
        private static float UniformSymmetric(uint x) => ((x >> 8) * (2 * TwoPow24Inv)) - OneMinusHalfUlp24;

        private static void BoxMuller(uint a, uint b, out float z0, out float z1)
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

        private static double TruncatedStandard(ulong k, double unit, bool refine)
        {
            // Centre the uniform first so p − ½ keeps full relative precision near the middle.
            double centred = ((k + 0.5) * unit - 0.5) * CentralMassTwoSigma;
            double p = 0.5 + centred;
            double z = refine ? PortableMath.RefinedNormalQuantile(p) : PortableMath.AcklamNormalQuantile(p);
            return z < -2 ? -2 : (z > 2 ? 2 : z);
        }
    }
}
