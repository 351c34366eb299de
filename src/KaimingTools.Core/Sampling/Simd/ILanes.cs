#if NET8_0_OR_GREATER
namespace KaimingTools.Sampling.Simd
{
    /// <summary>
    /// Lane-wise operations of one vector of <typeparamref name="T"/>, as static abstract members so the
    /// transforms in <see cref="VectorKernels{W, VF, VD, VU, VUL}"/> are written once, with operators that
    /// read like the scalar code they must match, and compiled for each width.
    /// </summary>
    /// <remarks>Every operator is one IEEE operation: nothing here may fuse a multiply and an add.</remarks>
    internal interface ILanes<TSelf, T>
        where TSelf : struct, ILanes<TSelf, T>
        where T : struct
    {
        static abstract TSelf operator +(TSelf a, TSelf b);

        static abstract TSelf operator -(TSelf a, TSelf b);

        static abstract TSelf operator -(TSelf a);

        static abstract TSelf operator *(TSelf a, TSelf b);

        static abstract TSelf operator /(TSelf a, TSelf b);

        static abstract TSelf operator &(TSelf a, TSelf b);

        static abstract TSelf operator |(TSelf a, TSelf b);

        static abstract TSelf operator ^(TSelf a, TSelf b);

        /// <summary>Logical (zero-filling) right shift of each lane.</summary>
        static abstract TSelf operator >>>(TSelf a, int count);

        static abstract TSelf operator <<(TSelf a, int count);

        /// <summary>Every lane set to <paramref name="value"/>.</summary>
        static abstract TSelf Splat(T value);

        /// <summary>All bits set in the lanes where a &gt; b, clear elsewhere.</summary>
        static abstract TSelf GreaterThan(TSelf a, TSelf b);

        /// <summary>All bits set in the lanes where a &lt; b, clear elsewhere.</summary>
        static abstract TSelf LessThan(TSelf a, TSelf b);

        /// <summary>Per lane: <paramref name="mask"/> ? <paramref name="whenTrue"/> : <paramref name="whenFalse"/> (mask lanes all-ones or zero).</summary>
        static abstract TSelf Select(TSelf mask, TSelf whenTrue, TSelf whenFalse);

        /// <summary>True when any lane of a comparison mask is set.</summary>
        static abstract bool Any(TSelf mask);

        /// <summary>Bit i set when lane i of a comparison mask is set (at most 32 lanes).</summary>
        static abstract uint Bits(TSelf mask);

        /// <summary>Correctly rounded square root of each lane.</summary>
        static abstract TSelf Sqrt(TSelf a);

        /// <summary>Writes the lanes to <paramref name="destination"/> and the elements after it.</summary>
        void Store(ref T destination);

        /// <summary>The lanes at <paramref name="source"/> (no alignment needed).</summary>
        static abstract TSelf Load(ref T source);
    }
}
#endif
