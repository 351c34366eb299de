#if NET8_0_OR_GREATER
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using KaimingTools.Distributions;

namespace KaimingTools.Sampling.Simd
{
    /// <summary>
    /// The stream of <see cref="CounterSampler"/> computed many lanes at a time, written once for every SIMD
    /// width <typeparamref name="W"/>. Each helper mirrors its scalar counterpart in <see cref="PortableMath"/>
    /// or <see cref="CounterSampler"/> operation for operation (same constants, same order, no fused
    /// multiply-add, selects instead of branches), so every lane rounds exactly as the scalar code does;
    /// the bit-identity tests compare the two on every kind, type and width.
    /// </summary>
    /// <remarks>
    /// Philox state is kept in memory order: a 128-bit group of lanes is one block (c₀, c₁, c₂, c₃), so a
    /// round is one VPMULUDQ, one VPSHUFD, one shift and one three-way XOR (VPTERNLOGD; two XORs without
    /// AVX-512), and the output words are already in element order. Box–Muller needs the word (or 64-bit)
    /// pairs split, which two in-lane shuffles do.
    /// </remarks>
    internal static class VectorKernels<W, VF, VD, VU, VUL>
        where W : IWidth<VF, VD, VU, VUL>
        where VF : struct, ILanes<VF, float>
        where VD : struct, ILanes<VD, double>
        where VU : struct, ILanes<VU, uint>
        where VUL : struct, ILanes<VUL, ulong>
    {
        private const uint PhiloxM0 = 0xD2511F53;
        private const uint PhiloxM1 = 0xCD9E8D57;
        private const uint PhiloxW0 = 0x9E3779B9;
        private const uint PhiloxW1 = 0xBB67AE85;

        /// <summary>
        /// Writes the float32 samples of as many whole groups (two vectors of Philox words) as fit in
        /// <paramref name="destination"/>, starting at block <paramref name="firstBlock"/>; returns how many.
        /// </summary>
        internal static int Fill(Span<float> destination, DistributionKind kind, float scale, ulong seed, long firstBlock)
        {
            int groups = destination.Length / (2 * W.Words);
            ref float start = ref MemoryMarshal.GetReference(destination);
            VF s = VF.Splat(scale);
            switch (kind)
            {
                case DistributionKind.Uniform:
                    RunPaired<UniformSingle, float, VF>(ref start, groups, s, seed, firstBlock);
                    break;
                case DistributionKind.Normal:
                    RunPaired<NormalSingle, float, VF>(ref start, groups, s, seed, firstBlock);
                    break;
                default:
                    Run<TruncatedSingle, float, VF>(ref start, groups, s, seed, firstBlock);
                    break;
            }

            return groups * 2 * W.Words;
        }

        /// <summary>As the float overload; a group holds half as many float64 samples.</summary>
        internal static int Fill(Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstBlock)
        {
            int groups = destination.Length / W.Words;
            ref double start = ref MemoryMarshal.GetReference(destination);
            VD s = VD.Splat(scale);
            switch (kind)
            {
                case DistributionKind.Uniform:
                    RunPaired<UniformDouble, double, VD>(ref start, groups, s, seed, firstBlock);
                    break;
                case DistributionKind.Normal:
                    Run<NormalDouble, double, VD>(ref start, groups, s, seed, firstBlock);
                    break;
                default:
                    Run<TruncatedDouble, double, VD>(ref start, groups, s, seed, firstBlock);
                    break;
            }

            return groups * W.Words;
        }

        /// <summary>Turns two vectors of Philox words (in element order) into two vectors of scaled samples.</summary>
        private interface ITransform<VOut>
        {
            /// <summary>
            /// The common case, with no calls (a call in the loop makes the JIT spill every live vector).
            /// Returns the lanes (bit i: element i of the group) that are not final and need
            /// <see cref="Finish"/>; always 0 for the transforms <see cref="RunPaired"/> runs.
            /// </summary>
            static abstract uint Apply(VU a, VU b, VOut scale, out VOut first, out VOut second);

            /// <summary>
            /// Rewrites, outside the hot loop, the lanes <see cref="Apply"/> left unfinished in a batch: the batch's
            /// <paramref name="rare"/> such groups are <paramref name="batch"/>.Group[r], with their Philox words in
            /// <paramref name="batch"/>.Words[2r], Words[2r + 1] and the lanes in <paramref name="batch"/>.Lanes[r].
            /// <paramref name="destination"/> is the batch's first sample.
            /// </summary>
            static abstract void Finish(ref byte destination, ref RareGroups batch, int rare, VOut scale);
        }

        /// <summary>The groups of one batch with unfinished lanes: where they are, which lanes, and their words.</summary>
        private struct RareGroups
        {
            internal BatchInts Group;
            internal BatchInts Lanes;
            internal BatchWords Words;
        }

        [InlineArray(BatchGroups)]
        private struct BatchInts
        {
            private int value;
        }

        [InlineArray(2 * BatchGroups)]
        private struct BatchWords
        {
            private VU words;
        }

        [InlineArray(Philox4x32.Rounds)]
        private struct RoundKeys
        {
            private VU key;
        }

        /// <summary>
        /// Small helpers are inlined. Large ones are not forced inline (past its budget the JIT stops inlining
        /// even the one-instruction lane operators) but are fully optimised from the first call: tier-0 code
        /// would not inline the static abstract calls, is many times slower, and a fill may finish before
        /// tiering catches up.
        /// </summary>
        private const MethodImplOptions Hot = MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization;

        /// <summary>
        /// The loops: fully optimised from the first call and never inlined. Once their tier-1 caller (Fill) was
        /// allowed to inline one, the caller's inlining budget ran out inside it, the lane operators became
        /// calls and fills dropped to 30-60 M/s after the first few.
        /// </summary>
        private const MethodImplOptions Kernel = MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization;

        /// <summary>
        /// For transforms that fill the registers alone (the truncated normals, the float64 normal), in batches of 64
        /// groups: first the Philox words of the whole batch go into the destination itself (a group's words take
        /// exactly the bytes of its samples, and the batch stays in L1), four independent chains at a time; then each
        /// group's words are turned into samples in place, with no Philox latency left to hide; last the rare lanes
        /// the transform did not finish are redone in one gathered vector. No call sits in either hot loop: with one
        /// transform per iteration even the float64 Box–Muller fits the JIT's inlining budget, where paired it did
        /// not, and its helper calls (512-bit arguments through the stack) ran at 114 or 280 M/s by process.
        /// </summary>
        [MethodImpl(Kernel)]
        private static void Run<TTransform, T, VOut>(ref T destination, int groups, VOut scale, ulong seed, long firstBlock)
            where TTransform : ITransform<VOut>
            where T : struct
            where VOut : struct, ILanes<VOut, T>
        {
            RoundKeys keys = RoundKeysFor(seed);
            VU multipliers = W.AsUInt32(W.Pairs(PhiloxM0, PhiloxM1));
            VUL counter = W.Counters((ulong)firstBlock);
            VUL step = W.Pairs((ulong)(W.Words / 4), 0);
            int lanes = Unsafe.SizeOf<VOut>() / Unsafe.SizeOf<T>();
            RareGroups rareGroups = default;
            for (int batch = 0; batch < groups; batch += BatchGroups)
            {
                int count = Math.Min(BatchGroups, groups - batch);
                ref T batchStart = ref Unsafe.Add(ref destination, batch * 2 * lanes);
                ref uint words = ref Unsafe.As<T, uint>(ref batchStart);
                int g = 0;
                for (; g + 1 < count; g += 2)
                {
                    VU a = W.AsUInt32(counter);
                    VU b = W.AsUInt32(counter + step);
                    VU c = W.AsUInt32(counter + step + step);
                    VU d = W.AsUInt32(counter + step + step + step);
                    counter = counter + step + step + step + step;
                    Philox(ref a, ref b, ref c, ref d, ref keys, multipliers);
                    nint at = g * 2 * W.Words;
                    a.Store(ref Unsafe.Add(ref words, at));
                    b.Store(ref Unsafe.Add(ref words, at + W.Words));
                    c.Store(ref Unsafe.Add(ref words, at + (2 * W.Words)));
                    d.Store(ref Unsafe.Add(ref words, at + (3 * W.Words)));
                }

                if (g < count)
                {
                    VU a = W.AsUInt32(counter);
                    VU b = W.AsUInt32(counter + step);
                    counter = counter + step + step;
                    Philox(ref a, ref b, ref keys, multipliers);
                    nint at = g * 2 * W.Words;
                    a.Store(ref Unsafe.Add(ref words, at));
                    b.Store(ref Unsafe.Add(ref words, at + W.Words));
                }

                TransformBatch<TTransform, T, VOut>(ref batchStart, count, scale, ref rareGroups);
            }
        }

        /// <summary>Groups per batch in <see cref="Run"/>: 8 KB of words at 512 bits, which stay in L1.</summary>
        private const int BatchGroups = 64;

        /// <summary>
        /// Phases two and three of <see cref="Run"/> on one batch of <paramref name="count"/> groups of Philox words,
        /// stored where their samples go: the transform in place, then the lanes it left unfinished. Returns how many
        /// groups had such lanes; <paramref name="rare"/> describes them.
        /// </summary>
        [MethodImpl(Hot)]
        private static int TransformBatch<TTransform, T, VOut>(ref T destination, int count, VOut scale, ref RareGroups rare)
            where TTransform : ITransform<VOut>
            where T : struct
            where VOut : struct, ILanes<VOut, T>
        {
            int found = TransformInPlace<TTransform, T, VOut>(ref destination, count, scale, ref rare);
            if (found != 0)
            {
                TTransform.Finish(ref Unsafe.As<T, byte>(ref destination), ref rare, found, scale);
            }

            return found;
        }

        /// <summary>
        /// Turns <paramref name="count"/> (≤ 64) groups of Philox words, stored where their samples go, into
        /// samples; the groups with unfinished lanes are noted in <paramref name="rare"/> with their words (the
        /// slot is written for every group and kept only for those, so there is no branch); returns how many.
        /// </summary>
        [MethodImpl(Hot)]
        private static int TransformInPlace<TTransform, T, VOut>(ref T destination, int count, VOut scale, ref RareGroups rare)
            where TTransform : ITransform<VOut>
            where T : struct
            where VOut : struct, ILanes<VOut, T>
        {
            int vector = Unsafe.SizeOf<VOut>() / Unsafe.SizeOf<T>();
            int found = 0;
            nint offset = 0;
            for (int g = 0; g < count; g++)
            {
                ref uint words = ref Unsafe.As<T, uint>(ref Unsafe.Add(ref destination, offset));
                VU a = VU.Load(ref words);
                VU b = VU.Load(ref Unsafe.Add(ref words, W.Words));
                uint lanes = TTransform.Apply(a, b, scale, out VOut first, out VOut second);
                first.Store(ref Unsafe.Add(ref destination, offset));
                second.Store(ref Unsafe.Add(ref destination, offset + vector));
                offset += 2 * vector;
                rare.Words[2 * found] = a;
                rare.Words[(2 * found) + 1] = b;
                rare.Lanes[found] = (int)lanes;
                rare.Group[found] = g;
                found += lanes != 0 ? 1 : 0;
            }

            return found;
        }

        /// <summary>
        /// A float32 transform alone, for the tests: <paramref name="buffer"/> holds Philox words (whole groups, as
        /// raw bits) and gets the standard samples of <paramref name="kind"/>, rare lanes finished as in a fill.
        /// Returns how many lanes the fast path left to <see cref="ITransform{VOut}.Finish"/>.
        /// </summary>
        internal static int TransformWords(Span<float> buffer, DistributionKind kind) => kind switch
        {
            DistributionKind.Uniform => TransformWords<UniformSingle>(buffer),
            DistributionKind.Normal => TransformWords<NormalSingle>(buffer),
            _ => TransformWords<TruncatedSingle>(buffer),
        };

        private static int TransformWords<TTransform>(Span<float> buffer)
            where TTransform : ITransform<VF>
        {
            int groups = buffer.Length / (2 * W.Words);
            ref float start = ref MemoryMarshal.GetReference(buffer);
            RareGroups rareGroups = default;
            int finished = 0;
            for (int batch = 0; batch < groups; batch += BatchGroups)
            {
                ref float batchStart = ref Unsafe.Add(ref start, batch * 2 * W.Words);
                int rare = TransformBatch<TTransform, float, VF>(ref batchStart, Math.Min(BatchGroups, groups - batch), VF.Splat(1f), ref rareGroups);
                for (int r = 0; r < rare; r++)
                {
                    finished += BitOperations.PopCount((uint)rareGroups.Lanes[r]);
                }
            }

            return finished;
        }

        /// <summary>Round r's key (k₀ + r·W₀, k₁ + r·W₁) in lanes 0 and 2 of each block, zeros in 1 and 3.</summary>
        private static RoundKeys RoundKeysFor(ulong seed)
        {
            RoundKeys keys = default;
            uint k0 = (uint)seed;
            uint k1 = (uint)(seed >> 32);
            for (int r = 0; r < Philox4x32.Rounds; r++)
            {
                keys[r] = W.AsUInt32(W.Pairs(k0, k1));
                k0 += PhiloxW0;
                k1 += PhiloxW1;
            }

            return keys;
        }

        /// <summary>Two groups per iteration: four independent Philox chains and two transforms the core can overlap.</summary>
        [MethodImpl(Kernel)]
        private static void RunPaired<TTransform, T, VOut>(ref T destination, int groups, VOut scale, ulong seed, long firstBlock)
            where TTransform : ITransform<VOut>
            where T : struct
            where VOut : struct, ILanes<VOut, T>
        {
            RoundKeys keys = RoundKeysFor(seed);
            VU multipliers = W.AsUInt32(W.Pairs(PhiloxM0, PhiloxM1));
            VUL counter = W.Counters((ulong)firstBlock);
            VUL step = W.Pairs((ulong)(W.Words / 4), 0);
            int lanes = Unsafe.SizeOf<VOut>() / Unsafe.SizeOf<T>();
            nint offset = 0;

            int g = 0;

            for (; g + 1 < groups; g += 2)
            {
                VU a = W.AsUInt32(counter);
                VU b = W.AsUInt32(counter + step);
                VU c = W.AsUInt32(counter + step + step);
                VU d = W.AsUInt32(counter + step + step + step);
                counter = counter + step + step + step + step;
                Philox(ref a, ref b, ref c, ref d, ref keys, multipliers);
                TTransform.Apply(a, b, scale, out VOut first, out VOut second);
                TTransform.Apply(c, d, scale, out VOut third, out VOut fourth);
                first.Store(ref Unsafe.Add(ref destination, offset));
                second.Store(ref Unsafe.Add(ref destination, offset + lanes));
                third.Store(ref Unsafe.Add(ref destination, offset + (2 * lanes)));
                fourth.Store(ref Unsafe.Add(ref destination, offset + (3 * lanes)));
                offset += 4 * lanes;
            }

            for (; g < groups; g++)
            {
                VU a = W.AsUInt32(counter);
                VU b = W.AsUInt32(counter + step);
                counter = counter + step + step;
                Philox(ref a, ref b, ref keys, multipliers);
                TTransform.Apply(a, b, scale, out VOut first, out VOut second);
                first.Store(ref Unsafe.Add(ref destination, offset));
                second.Store(ref Unsafe.Add(ref destination, offset + lanes));
                offset += 2 * lanes;
            }

        }

        /// <summary>Ten Philox rounds on four vectors of blocks, as four independent chains.</summary>
        [MethodImpl(Hot)]
        private static void Philox(ref VU a, ref VU b, ref VU c, ref VU d, ref RoundKeys keys, VU multipliers)
        {
            VU w = a;
            VU x = b;
            VU y = c;
            VU z = d;
            for (int r = 0; r < Philox4x32.Rounds; r++)
            {
                VU key = keys[r];
                VU pw = W.AsUInt32(W.MultiplyEven(w, multipliers));
                VU px = W.AsUInt32(W.MultiplyEven(x, multipliers));
                VU py = W.AsUInt32(W.MultiplyEven(y, multipliers));
                VU pz = W.AsUInt32(W.MultiplyEven(z, multipliers));
                w = W.Xor(W.ReverseWords(pw), W.AsUInt32(W.AsUInt64(w) >>> 32), key);
                x = W.Xor(W.ReverseWords(px), W.AsUInt32(W.AsUInt64(x) >>> 32), key);
                y = W.Xor(W.ReverseWords(py), W.AsUInt32(W.AsUInt64(y) >>> 32), key);
                z = W.Xor(W.ReverseWords(pz), W.AsUInt32(W.AsUInt64(z) >>> 32), key);
            }

            a = w;
            b = x;
            c = y;
            d = z;
        }

        /// <summary>Ten Philox rounds on two vectors of blocks: two independent chains hide the multiply latency.</summary>
        [MethodImpl(Hot)]
        private static void Philox(ref VU a, ref VU b, ref RoundKeys keys, VU multipliers)
        {
            VU x = a;
            VU y = b;
            for (int r = 0; r < Philox4x32.Rounds; r++)
            {
                VU key = keys[r];
                VU px = W.AsUInt32(W.MultiplyEven(x, multipliers));
                VU py = W.AsUInt32(W.MultiplyEven(y, multipliers));
                x = W.Xor(W.ReverseWords(px), W.AsUInt32(W.AsUInt64(x) >>> 32), key);
                y = W.Xor(W.ReverseWords(py), W.AsUInt32(W.AsUInt64(y) >>> 32), key);
            }

            a = x;
            b = y;
        }

        private readonly struct UniformSingle : ITransform<VF>
        {
            [MethodImpl(Hot)]
            public static uint Apply(VU a, VU b, VF scale, out VF first, out VF second)
            {
                first = Uniform(a) * scale;
                second = Uniform(b) * scale;
                return 0;
            }

            public static void Finish(ref byte destination, ref RareGroups batch, int rare, VF scale)
            {
            }

            // CounterSampler.UniformSingle: (2k+1)·2⁻²⁴ − 1 for the top 24 bits k.
            [MethodImpl(Hot)]
            private static VF Uniform(VU x) =>
                (W.ToSingle(x >>> 8) * VF.Splat(2 * CounterSampler.TwoPow24Inv)) - VF.Splat(CounterSampler.OneMinusHalfUlp24);
        }

        private readonly struct NormalSingle : ITransform<VF>
        {
            [MethodImpl(Hot)]
            public static uint Apply(VU a, VU b, VF scale, out VF first, out VF second)
            {
                W.Deinterleave(a, b, out VU radial, out VU angular);
                BoxMuller(radial, angular, out VF z0, out VF z1);
                W.Interleave(z0, z1, out first, out second);
                first *= scale;
                second *= scale;
                return 0;
            }

            public static void Finish(ref byte destination, ref RareGroups batch, int rare, VF scale)
            {
            }

            // CounterSampler.BoxMuller(uint, uint, …), with three exact shortcuts (the tests try every radius and angle
            // input): ln u₁ is taken of n = k₁ + 1 itself with the exponent lowered by 24, since u₁ = n·2⁻²⁴ has the
            // same mantissa; f and q come from the word's bits directly (f: its low 22 bits of k, sign-extended, which
            // is k − q·2²² for q = round(k·2⁻²²); q mod 4: the rounded top two bits); and cos's sign is sin's XOR odd q.
            [MethodImpl(Hot)]
            private static void BoxMuller(VU a, VU b, out VF z0, out VF z1)
            {
                VF r = VF.Sqrt(VF.Splat(-2f) * LogOfScaledInteger(W.ToSingle((a >>> 8) + VU.Splat(1)), 24));
                VU f = W.ShiftRightArithmetic(b << 2, 10); // a signed int in [−2²¹, 2²¹)
                VU q = (b + VU.Splat(1u << 29)) >>> 30;    // the quadrant mod 4 (the sum may wrap: 4 ≡ 0)
                VF angle = W.ToSingle(f) * VF.Splat((float)(PortableMath.HalfPi / 4194304.0));
                SinCosSingle(angle, out VF sin, out VF cos);

                // Rotate by q·π/2: odd q swaps sin and cos; q ∈ {1, 2} negates cos, q ∈ {2, 3} negates sin.
                // A sign-bit XOR is exactly the scalar negation.
                VF swap = W.AsSingle(VU.Splat(0) - (q & VU.Splat(1)));
                VU sinSign = (q & VU.Splat(2)) << 30;
                VU cosSign = sinSign ^ (q << 31);
                VF c = W.AsSingle(W.AsUInt32(VF.Select(swap, sin, cos)) ^ cosSign);
                VF s = W.AsSingle(W.AsUInt32(VF.Select(swap, cos, sin)) ^ sinSign);
                z0 = r * c;
                z1 = r * s;
            }
        }

        private readonly struct TruncatedSingle : ITransform<VF>
        {
            // Acklam's central region only. Three shortcuts, each exact (the exhaustive test compares every one
            // of the 2²⁴ inputs with the scalar reference): the centred probability ((k + ½)·2⁻²⁴ − ½)·C is
            // j·(C·2⁻²⁵) for the odd integer j = 2k + 1 − 2²⁴, one rounding either way; the lanes in Acklam's
            // tail (≈0.3 %) are found on k itself, since p is monotone in k, and left to Finish; and the clamp
            // to ±2 is left out, because central lanes stay inside (|z| < 1.98). The four double vectors'
            // polynomials are written interleaved, step by step, so eight independent Horner chains sit within
            // the core's scheduling window.
            [MethodImpl(Hot)]
            public static uint Apply(VU a, VU b, VF scale, out VF first, out VF second)
            {
                VU offset = VU.Splat(1u << 24);
                W.WidenToDouble(((a >>> 7) | VU.Splat(1)) - offset, out VD j0, out VD j1);
                W.WidenToDouble(((b >>> 7) | VU.Splat(1)) - offset, out VD j2, out VD j3);
                VU low = VU.Splat(CounterSampler.TruncatedCentralFirst);
                VU span = VU.Splat(CounterSampler.TruncatedCentralLast - CounterSampler.TruncatedCentralFirst);
                uint tail = VU.Bits(VU.GreaterThan((a >>> 8) - low, span)) | (VU.Bits(VU.GreaterThan((b >>> 8) - low, span)) << W.Words);
                VD mass = VD.Splat(CounterSampler.CentralMassTwoSigma / 33554432.0); // C·2⁻²⁵, exact
                VD half = VD.Splat(0.5);
                VD q0 = (half + (j0 * mass)) - half;
                VD q1 = (half + (j1 * mass)) - half;
                VD q2 = (half + (j2 * mass)) - half;
                VD q3 = (half + (j3 * mass)) - half;
                VD r0 = q0 * q0;
                VD r1 = q1 * q1;
                VD r2 = q2 * q2;
                VD r3 = q3 * q3;
                VD n0 = (VD.Splat(-3.969683028665376e+01) * r0) + VD.Splat(2.209460984245205e+02);
                VD n1 = (VD.Splat(-3.969683028665376e+01) * r1) + VD.Splat(2.209460984245205e+02);
                VD n2 = (VD.Splat(-3.969683028665376e+01) * r2) + VD.Splat(2.209460984245205e+02);
                VD n3 = (VD.Splat(-3.969683028665376e+01) * r3) + VD.Splat(2.209460984245205e+02);
                VD d0 = (VD.Splat(-5.447609879822406e+01) * r0) + VD.Splat(1.615858368580409e+02);
                VD d1 = (VD.Splat(-5.447609879822406e+01) * r1) + VD.Splat(1.615858368580409e+02);
                VD d2 = (VD.Splat(-5.447609879822406e+01) * r2) + VD.Splat(1.615858368580409e+02);
                VD d3 = (VD.Splat(-5.447609879822406e+01) * r3) + VD.Splat(1.615858368580409e+02);
                n0 = (n0 * r0) - VD.Splat(2.759285104469687e+02);
                n1 = (n1 * r1) - VD.Splat(2.759285104469687e+02);
                n2 = (n2 * r2) - VD.Splat(2.759285104469687e+02);
                n3 = (n3 * r3) - VD.Splat(2.759285104469687e+02);
                d0 = (d0 * r0) - VD.Splat(1.556989798598866e+02);
                d1 = (d1 * r1) - VD.Splat(1.556989798598866e+02);
                d2 = (d2 * r2) - VD.Splat(1.556989798598866e+02);
                d3 = (d3 * r3) - VD.Splat(1.556989798598866e+02);
                n0 = (n0 * r0) + VD.Splat(1.383577518672690e+02);
                n1 = (n1 * r1) + VD.Splat(1.383577518672690e+02);
                n2 = (n2 * r2) + VD.Splat(1.383577518672690e+02);
                n3 = (n3 * r3) + VD.Splat(1.383577518672690e+02);
                d0 = (d0 * r0) + VD.Splat(6.680131188771972e+01);
                d1 = (d1 * r1) + VD.Splat(6.680131188771972e+01);
                d2 = (d2 * r2) + VD.Splat(6.680131188771972e+01);
                d3 = (d3 * r3) + VD.Splat(6.680131188771972e+01);
                n0 = (n0 * r0) - VD.Splat(3.066479806614716e+01);
                n1 = (n1 * r1) - VD.Splat(3.066479806614716e+01);
                n2 = (n2 * r2) - VD.Splat(3.066479806614716e+01);
                n3 = (n3 * r3) - VD.Splat(3.066479806614716e+01);
                d0 = (d0 * r0) - VD.Splat(1.328068155288572e+01);
                d1 = (d1 * r1) - VD.Splat(1.328068155288572e+01);
                d2 = (d2 * r2) - VD.Splat(1.328068155288572e+01);
                d3 = (d3 * r3) - VD.Splat(1.328068155288572e+01);
                n0 = ((n0 * r0) + VD.Splat(2.506628277459239e+00)) * q0;
                n1 = ((n1 * r1) + VD.Splat(2.506628277459239e+00)) * q1;
                n2 = ((n2 * r2) + VD.Splat(2.506628277459239e+00)) * q2;
                n3 = ((n3 * r3) + VD.Splat(2.506628277459239e+00)) * q3;
                d0 = (d0 * r0) + VD.Splat(1.0);
                d1 = (d1 * r1) + VD.Splat(1.0);
                d2 = (d2 * r2) + VD.Splat(1.0);
                d3 = (d3 * r3) + VD.Splat(1.0);
                first = W.NarrowToSingle(n0 / d0, n1 / d1) * scale;
                second = W.NarrowToSingle(n2 / d2, n3 / d3) * scale;
                return tail;
            }

            // Fully optimised from the first call, like the kernels: tier-0 code here made whole fills several times
            // slower until tiering caught up, which in a short fill it may never do. The batch's unfinished lanes
            // (≈0.3 % of all, ~6 per batch) are gathered into one double vector and run through the vector mirror of
            // the whole scalar reference (both regions of Acklam's quantile, and the clamp), then scattered back.
            [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
            public static void Finish(ref byte destination, ref RareGroups batch, int rare, VF scale)
            {
                ref float start = ref Unsafe.As<byte, float>(ref destination);
                float s = Unsafe.As<VF, float>(ref scale);
                int width = Unsafe.SizeOf<VD>() / sizeof(double);
                Span<double> values = stackalloc double[width];
                Span<int> positions = stackalloc int[width];
                values.Clear(); // a partly filled vector computes its unused lanes from k = 0, a valid input
                int pending = 0;
                for (int r = 0; r < rare; r++)
                {
                    ref uint words = ref Unsafe.As<VU, uint>(ref batch.Words[2 * r]);
                    int first = batch.Group[r] * 2 * W.Words;
                    for (uint lanes = (uint)batch.Lanes[r]; lanes != 0; lanes &= lanes - 1)
                    {
                        int i = BitOperations.TrailingZeroCount(lanes);
                        values[pending] = Unsafe.Add(ref words, i) >> 8;
                        positions[pending] = first + i;
                        if (++pending == width)
                        {
                            Scatter(ref start, values, positions, pending, s);
                            pending = 0;
                        }
                    }
                }

                if (pending != 0)
                {
                    Scatter(ref start, values, positions, pending, s);
                }
            }

            /// <summary>
            /// Computes the standard samples for the inputs k in <paramref name="values"/> and writes the first
            /// <paramref name="count"/>, scaled, to their <paramref name="positions"/>.
            /// </summary>
            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            private static void Scatter(ref float start, Span<double> values, Span<int> positions, int count, float scale)
            {
                TruncatedStandard(VD.Load(ref values[0]), CounterSampler.TwoPow24Inv, refine: false).Store(ref values[0]);
                for (int j = 0; j < count; j++)
                {
                    Unsafe.Add(ref start, positions[j]) = (float)values[j] * scale;
                }
            }
        }

        private readonly struct UniformDouble : ITransform<VD>
        {
            [MethodImpl(Hot)]
            public static uint Apply(VU a, VU b, VD scale, out VD first, out VD second)
            {
                first = Uniform(a) * scale;
                second = Uniform(b) * scale;
                return 0;
            }

            public static void Finish(ref byte destination, ref RareGroups batch, int rare, VD scale)
            {
            }

            [MethodImpl(Hot)]
            private static VD Uniform(VU x) =>
                (W.ToDouble(W.AsUInt64(x) >>> 11) * VD.Splat(2 * CounterSampler.TwoPow53Inv)) - VD.Splat(CounterSampler.OneMinusHalfUlp53);
        }

        private readonly struct NormalDouble : ITransform<VD>
        {
            [MethodImpl(Hot)]
            public static uint Apply(VU a, VU b, VD scale, out VD first, out VD second)
            {
                W.Deinterleave(W.AsUInt64(a), W.AsUInt64(b), out VUL radial, out VUL angular);
                BoxMuller(radial >>> 11, angular >>> 11, out VD z0, out VD z1);
                W.Interleave(z0, z1, out first, out second);
                first *= scale;
                second *= scale;
                return 0;
            }

            public static void Finish(ref byte destination, ref RareGroups batch, int rare, VD scale)
            {
            }

            // CounterSampler.BoxMuller(ulong, ulong, …).
            [MethodImpl(Hot)]
            private static void BoxMuller(VUL k0, VUL k1, out VD z0, out VD z1)
            {
                VD u1 = W.ToDouble(k0 + VUL.Splat(1)) * VD.Splat(CounterSampler.TwoPow53Inv);
                VD r = VD.Sqrt(VD.Splat(-2.0) * LogDouble(u1));
                VUL q = (k1 + VUL.Splat(1UL << 50)) >>> 51;
                VUL f = k1 - (q << 51);
                VD angle = W.ToDouble(f) * VD.Splat(PortableMath.HalfPi / 2251799813685248.0);
                SinCosDouble(angle, out VD sin, out VD cos);
                VD swap = W.AsDouble(VUL.Splat(0) - (q & VUL.Splat(1)));
                VUL cosSign = ((q + VUL.Splat(1)) & VUL.Splat(2)) << 62;
                VUL sinSign = (q & VUL.Splat(2)) << 62;
                VD c = W.AsDouble(W.AsUInt64(VD.Select(swap, sin, cos)) ^ cosSign);
                VD s = W.AsDouble(W.AsUInt64(VD.Select(swap, cos, sin)) ^ sinSign);
                z0 = r * c;
                z1 = r * s;
            }
        }

        private readonly struct TruncatedDouble : ITransform<VD>
        {
            [MethodImpl(Hot)]
            public static uint Apply(VU a, VU b, VD scale, out VD first, out VD second)
            {
                first = Truncated(a) * scale;
                second = Truncated(b) * scale;
                return 0;
            }

            public static void Finish(ref byte destination, ref RareGroups batch, int rare, VD scale)
            {
            }

            [MethodImpl(MethodImplOptions.AggressiveOptimization)]
            private static VD Truncated(VU x) =>
                TruncatedStandard(W.ToDouble(W.AsUInt64(x) >>> 11), CounterSampler.TwoPow53Inv, refine: true);
        }

        // CounterSampler.TruncatedStandard.
        [MethodImpl(Hot)]
        private static VD TruncatedStandard(VD k, double unit, bool refine)
        {
            VD p = Probability(k, unit);
            return Clamp(refine ? RefinedNormalQuantile(p) : AcklamNormalQuantile(p));
        }

        [MethodImpl(Hot)]
        private static VD Probability(VD k, double unit)
        {
            VD centred = (((k + VD.Splat(0.5)) * VD.Splat(unit)) - VD.Splat(0.5)) * VD.Splat(CounterSampler.CentralMassTwoSigma);
            return VD.Splat(0.5) + centred;
        }

        [MethodImpl(Hot)]
        private static VD Clamp(VD z)
        {
            VD two = VD.Splat(2);
            VD minusTwo = VD.Splat(-2);
            return VD.Select(VD.LessThan(z, minusTwo), minusTwo, VD.Select(VD.GreaterThan(z, two), two, z));
        }

        // PortableMath.Log(float) of x·2⁻ˢʰⁱᶠᵗ, for a positive integer-valued x: the same mantissa, the exponent lowered.
        [MethodImpl(Hot)]
        private static VF LogOfScaledInteger(VF x, int shift)
        {
            VU bits = W.AsUInt32(x);
            VU e = (bits >>> 23) - VU.Splat((uint)(127 + shift)); // x > 0: no sign bit to mask off
            VF m = W.AsSingle((bits & VU.Splat(0x007FFFFF)) | VU.Splat(0x3F800000));
            VF big = VF.GreaterThan(m, VF.Splat(PortableMath.Sqrt2F));
            m = VF.Select(big, m * VF.Splat(0.5f), m);
            e -= W.AsUInt32(big); // the mask is −1: e + 1
            VF one = VF.Splat(1f);
            VF s = (m - one) / (m + one);
            VF z = s * s;
            VF p = VF.Splat((float)(1.0 / 9));
            p = (p * z) + VF.Splat((float)(1.0 / 7));
            p = (p * z) + VF.Splat((float)(1.0 / 5));
            p = (p * z) + VF.Splat((float)(1.0 / 3));
            VF r = s + s;
            VF t = r + (r * (z * p));
            VF fe = W.ToSingle(e);
            return ((fe * VF.Splat(PortableMath.Ln2LoF)) + t) + (fe * VF.Splat(PortableMath.Ln2HiF));
        }

        // PortableMath.Log(double).
        [MethodImpl(Hot)]
        private static VD LogDouble(VD x)
        {
            VUL bits = W.AsUInt64(x);
            VUL e = ((bits >>> 52) & VUL.Splat(0x7FF)) - VUL.Splat(1023);
            VD m = W.AsDouble((bits & VUL.Splat(0x000FFFFFFFFFFFFFUL)) | VUL.Splat(0x3FF0000000000000UL));
            VD big = VD.GreaterThan(m, VD.Splat(PortableMath.Sqrt2));
            m = VD.Select(big, m * VD.Splat(0.5), m);
            e -= W.AsUInt64(big);
            VD one = VD.Splat(1.0);
            VD s = (m - one) / (m + one);
            VD z = s * s;
            VD p = VD.Splat(1.0 / 21);
            p = (p * z) + VD.Splat(1.0 / 19);
            p = (p * z) + VD.Splat(1.0 / 17);
            p = (p * z) + VD.Splat(1.0 / 15);
            p = (p * z) + VD.Splat(1.0 / 13);
            p = (p * z) + VD.Splat(1.0 / 11);
            p = (p * z) + VD.Splat(1.0 / 9);
            p = (p * z) + VD.Splat(1.0 / 7);
            p = (p * z) + VD.Splat(1.0 / 5);
            p = (p * z) + VD.Splat(1.0 / 3);
            VD r = s + s;
            VD t = r + (r * (z * p));
            VD de = W.ToDouble(e);
            return ((de * VD.Splat(PortableMath.Ln2Lo)) + t) + (de * VD.Splat(PortableMath.Ln2Hi));
        }

        // PortableMath.Exp(double).
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static VD ExpDouble(VD x)
        {
            VD n = W.Floor((x * VD.Splat(1.4426950408889634)) + VD.Splat(0.5));
            VD r = (x - (n * VD.Splat(PortableMath.Ln2Hi))) - (n * VD.Splat(PortableMath.Ln2Lo));
            VD p = VD.Splat(1.0 / 6227020800);
            p = (p * r) + VD.Splat(1.0 / 479001600);
            p = (p * r) + VD.Splat(1.0 / 39916800);
            p = (p * r) + VD.Splat(1.0 / 3628800);
            p = (p * r) + VD.Splat(1.0 / 362880);
            p = (p * r) + VD.Splat(1.0 / 40320);
            p = (p * r) + VD.Splat(1.0 / 5040);
            p = (p * r) + VD.Splat(1.0 / 720);
            p = (p * r) + VD.Splat(1.0 / 120);
            p = (p * r) + VD.Splat(1.0 / 24);
            p = (p * r) + VD.Splat(1.0 / 6);
            p = (p * r) + VD.Splat(0.5);
            p = (p * r) + VD.Splat(1.0);
            p = (p * r) + VD.Splat(1.0);
            return p * W.AsDouble((W.ToInt64(n) + VUL.Splat(1023)) << 52);
        }

        // PortableMath.SinCos(float, …).
        [MethodImpl(Hot)]
        private static void SinCosSingle(VF a, out VF sin, out VF cos)
        {
            VF z = a * a;
            VF s = VF.Splat((float)(1.0 / 362880));
            s = (s * z) - VF.Splat((float)(1.0 / 5040));
            s = (s * z) + VF.Splat((float)(1.0 / 120));
            s = (s * z) - VF.Splat((float)(1.0 / 6));
            sin = a + (a * (z * s));
            VF c = VF.Splat((float)(-1.0 / 3628800));
            c = (c * z) + VF.Splat((float)(1.0 / 40320));
            c = (c * z) - VF.Splat((float)(1.0 / 720));
            c = (c * z) + VF.Splat((float)(1.0 / 24));
            c = (c * z) - VF.Splat(0.5f);
            cos = VF.Splat(1f) + (z * c);
        }

        // PortableMath.SinCos(double, …).
        [MethodImpl(Hot)]
        private static void SinCosDouble(VD a, out VD sin, out VD cos)
        {
            VD z = a * a;
            VD s = VD.Splat(1.0 / 355687428096000);
            s = (s * z) - VD.Splat(1.0 / 1307674368000);
            s = (s * z) + VD.Splat(1.0 / 6227020800);
            s = (s * z) - VD.Splat(1.0 / 39916800);
            s = (s * z) + VD.Splat(1.0 / 362880);
            s = (s * z) - VD.Splat(1.0 / 5040);
            s = (s * z) + VD.Splat(1.0 / 120);
            s = (s * z) - VD.Splat(1.0 / 6);
            sin = a + (a * (z * s));
            VD c = VD.Splat(1.0 / 6402373705728000);
            c = (c * z) - VD.Splat(1.0 / 20922789888000);
            c = (c * z) + VD.Splat(1.0 / 87178291200);
            c = (c * z) - VD.Splat(1.0 / 479001600);
            c = (c * z) + VD.Splat(1.0 / 3628800);
            c = (c * z) - VD.Splat(1.0 / 40320);
            c = (c * z) + VD.Splat(1.0 / 720);
            c = (c * z) - VD.Splat(1.0 / 24);
            c = (c * z) + VD.Splat(0.5);
            cos = VD.Splat(1.0) - (z * c);
        }

        // PortableMath.AcklamNormalQuantile: both regions as selects; the tail (≈0.3 % of lanes) is
        // computed only when some lane needs it.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static VD AcklamNormalQuantile(VD p)
        {
            VD x = AcklamCentral(p);
            VD tail = AcklamTail(p, out VD low);
            if (VD.Any(tail))
            {
                x = AcklamTail(p, low, tail, x);
            }

            return x;
        }

        /// <summary>Lanes in the tail region of Acklam's quantile; <paramref name="low"/>: those below ½.</summary>
        [MethodImpl(Hot)]
        private static VD AcklamTail(VD p, out VD low)
        {
            low = VD.LessThan(p, VD.Splat(PortableMath.AcklamPLow));
            return low | VD.GreaterThan(p, VD.Splat(1 - PortableMath.AcklamPLow));
        }

        /// <summary>Acklam's central rational function, right for the lanes outside <see cref="AcklamTail(VD, out VD)"/>.</summary>
        [MethodImpl(Hot)]
        private static VD AcklamCentral(VD p)
        {
            VD q = p - VD.Splat(0.5);
            VD r = q * q;
            VD num = (VD.Splat(-3.969683028665376e+01) * r) + VD.Splat(2.209460984245205e+02);
            num = (num * r) - VD.Splat(2.759285104469687e+02);
            num = (num * r) + VD.Splat(1.383577518672690e+02);
            num = (num * r) - VD.Splat(3.066479806614716e+01);
            num = ((num * r) + VD.Splat(2.506628277459239e+00)) * q;
            VD den = (VD.Splat(-5.447609879822406e+01) * r) + VD.Splat(1.615858368580409e+02);
            den = (den * r) - VD.Splat(1.556989798598866e+02);
            den = (den * r) + VD.Splat(6.680131188771972e+01);
            den = (den * r) - VD.Splat(1.328068155288572e+01);
            den = (den * r) + VD.Splat(1.0);
            return num / den;
        }

        // The tail region of PortableMath.AcklamNormalQuantile, for the few groups with a lane in it.
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
        private static VD AcklamTail(VD p, VD low, VD tail, VD x)
        {
            VD t = VD.Select(low, p, VD.Splat(1.0) - p);
            VD qt = VD.Sqrt(VD.Splat(-2.0) * LogDouble(t));
            VD numT = (VD.Splat(-7.784894002430293e-03) * qt) - VD.Splat(3.223964580411365e-01);
            numT = (numT * qt) - VD.Splat(2.400758277161838e+00);
            numT = (numT * qt) - VD.Splat(2.549732539343734e+00);
            numT = (numT * qt) + VD.Splat(4.374664141464968e+00);
            numT = (numT * qt) + VD.Splat(2.938163982698783e+00);
            VD denT = (VD.Splat(7.784695709041462e-03) * qt) + VD.Splat(3.224671290700398e-01);
            denT = (denT * qt) + VD.Splat(2.445134137142996e+00);
            denT = (denT * qt) + VD.Splat(3.754408661907416e+00);
            denT = (denT * qt) + VD.Splat(1.0);
            VD xt = numT / denT;
            x = VD.Select(tail, VD.Select(low, xt, -xt), x);
            return x;
        }

        // PortableMath.RefinedNormalQuantile.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static VD RefinedNormalQuantile(VD p)
        {
            VD x = AcklamNormalQuantile(p);
            VD e = NormalCdfCentral(x) - p;
            VD half = VD.Splat(0.5);
            VD u = (e * VD.Splat(2.5066282746310002)) * ExpDouble((half * x) * x);
            return x - (u / (VD.Splat(1.0) + ((half * x) * u)));
        }

        // PortableMath.NormalCdfCentral.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static VD NormalCdfCentral(VD x)
        {
            VD negative = VD.LessThan(x, VD.Splat(0.0));
            VD y = VD.Select(negative, -x, x) * VD.Splat(0.70710678118654752);
            VD y2 = y * y;
            VD twoY2 = VD.Splat(2.0) * y2;
            VD term = y;
            VD sum = y;
            for (int n = 1; n < PortableMath.CdfSeriesTerms; n++)
            {
                term *= twoY2 / VD.Splat(2 * n + 1);
                sum += term;
            }

            VD erf = (VD.Splat(1.1283791670955126) * ExpDouble(-y2)) * sum;
            VD half = VD.Splat(0.5);
            return VD.Select(negative, half - (half * erf), half + (half * erf));
        }
    }
}
#endif
