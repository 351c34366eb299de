#if NET8_0_OR_GREATER
namespace KaimingTools.Sampling.Simd
{
    /// <summary>
    /// The operations of one SIMD width that cross element types or lanes: bit casts, conversions and the
    /// in-lane shuffles that Philox and Box–Muller need. <typeparamref name="VF"/>, <typeparamref name="VD"/>,
    /// <typeparamref name="VU"/> and <typeparamref name="VUL"/> are that width's float, double, uint and
    /// ulong vectors.
    /// </summary>
    internal interface IWidth<VF, VD, VU, VUL>
        where VF : struct, ILanes<VF, float>
        where VD : struct, ILanes<VD, double>
        where VU : struct, ILanes<VU, uint>
        where VUL : struct, ILanes<VUL, ulong>
    {
        /// <summary>Number of 32-bit lanes; a vector holds <c>Words / 4</c> Philox blocks.</summary>
        static abstract int Words { get; }

        /// <summary>Philox counters of blocks b, b+1, … in memory order: 64-bit lanes (b, 0, b+1, 0, …).</summary>
        static abstract VUL Counters(ulong firstBlock);

        /// <summary>The 64-bit lane pair (even, odd) repeated across the vector.</summary>
        static abstract VUL Pairs(ulong even, ulong odd);

        /// <summary>Products of the even 32-bit lanes of a and b as full 64-bit lanes (VPMULUDQ).</summary>
        static abstract VUL MultiplyEven(VU a, VU b);

        /// <summary>Reverses the four 32-bit lanes of every 128-bit group (VPSHUFD 0x1B).</summary>
        static abstract VU ReverseWords(VU a);

        /// <summary>The lanes as signed 32-bit integers shifted right by <paramref name="count"/>, the sign copied in.</summary>
        static abstract VU ShiftRightArithmetic(VU a, int count);

        /// <summary>a ^ b ^ c, one instruction where the CPU has a three-input logic op (AVX-512).</summary>
        static abstract VU Xor(VU a, VU b, VU c);

        static abstract VU AsUInt32(VF a);

        static abstract VU AsUInt32(VUL a);

        static abstract VF AsSingle(VU a);

        static abstract VUL AsUInt64(VU a);

        static abstract VUL AsUInt64(VD a);

        static abstract VD AsDouble(VUL a);

        /// <summary>Each lane read as a signed int, converted exactly (|x| ≤ 2²⁴).</summary>
        static abstract VF ToSingle(VU signed);

        /// <summary>Each lane read as a signed long, converted exactly (|x| ≤ 2⁵³).</summary>
        static abstract VD ToDouble(VUL signed);

        /// <summary>Each integral lane converted to a signed long.</summary>
        static abstract VUL ToInt64(VD integral);

        static abstract VD Floor(VD a);

        /// <summary>The lanes, read as signed 32-bit integers, as doubles (exact), lower half first: memory order is kept.</summary>
        static abstract void WidenToDouble(VU signed, out VD lower, out VD upper);

        /// <summary>Rounds to float, lower first: the inverse of <see cref="WidenToDouble"/>'s order.</summary>
        static abstract VF NarrowToSingle(VD lower, VD upper);

        /// <summary>
        /// Splits the 32-bit lane pairs (2j, 2j+1) of two vectors into their first and second members, in
        /// an order <see cref="Interleave(VF, VF, out VF, out VF)"/> undoes.
        /// </summary>
        static abstract void Deinterleave(VU a, VU b, out VU first, out VU second);

        /// <summary>Inverse of <see cref="Deinterleave(VU, VU, out VU, out VU)"/>.</summary>
        static abstract void Interleave(VF first, VF second, out VF a, out VF b);

        /// <summary>As <see cref="Deinterleave(VU, VU, out VU, out VU)"/> for 64-bit lane pairs.</summary>
        static abstract void Deinterleave(VUL a, VUL b, out VUL first, out VUL second);

        /// <summary>Inverse of <see cref="Deinterleave(VUL, VUL, out VUL, out VUL)"/>.</summary>
        static abstract void Interleave(VD first, VD second, out VD a, out VD b);
    }
}
#endif
