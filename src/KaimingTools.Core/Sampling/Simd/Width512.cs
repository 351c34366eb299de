#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KaimingTools.Sampling.Simd
{
    /// <summary>The 512-bit width (Avx512F); callers check <see cref="IsSupported"/> first.</summary>
    internal readonly struct Width512 : IWidth<Lanes512<float>, Lanes512<double>, Lanes512<uint>, Lanes512<ulong>>
    {
        internal static bool IsSupported => Avx512F.IsSupported;

        public static int Words => Vector512<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<ulong> Counters(ulong firstBlock) => new(Vector512.Create(firstBlock, 0, firstBlock + 1, 0, firstBlock + 2, 0, firstBlock + 3, 0));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<ulong> Pairs(ulong even, ulong odd) => new(Vector512.Create(even, odd, even, odd, even, odd, even, odd));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<ulong> MultiplyEven(Lanes512<uint> a, Lanes512<uint> b) => new(Avx512F.Multiply(a.V, b.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<uint> ReverseWords(Lanes512<uint> a) => new(Avx512F.Shuffle(a.V, 0x1B));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<uint> ShiftRightArithmetic(Lanes512<uint> a, int count) => new(Vector512.ShiftRightArithmetic(a.V.AsInt32(), count).AsUInt32());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<uint> Xor(Lanes512<uint> a, Lanes512<uint> b, Lanes512<uint> c) => new(Avx512F.TernaryLogic(a.V, b.V, c.V, 0x96)); // 0x96: the truth table of a ^ b ^ c

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<uint> AsUInt32(Lanes512<float> a) => new(a.V.AsUInt32());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<uint> AsUInt32(Lanes512<ulong> a) => new(a.V.AsUInt32());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<float> AsSingle(Lanes512<uint> a) => new(a.V.AsSingle());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<ulong> AsUInt64(Lanes512<uint> a) => new(a.V.AsUInt64());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<ulong> AsUInt64(Lanes512<double> a) => new(a.V.AsUInt64());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<double> AsDouble(Lanes512<ulong> a) => new(a.V.AsDouble());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<float> ToSingle(Lanes512<uint> signed) => new(Vector512.ConvertToSingle(signed.V.AsInt32()));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<double> ToDouble(Lanes512<ulong> signed) => new(Vector512.ConvertToDouble(signed.V.AsInt64()));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<ulong> ToInt64(Lanes512<double> integral) => new(Vector512.ConvertToInt64(integral.V).AsUInt64());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<double> Floor(Lanes512<double> a) => new(Vector512.Floor(a.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WidenToDouble(Lanes512<uint> signed, out Lanes512<double> lower, out Lanes512<double> upper)
        {
            lower = new(Avx512F.ConvertToVector512Double(signed.V.GetLower().AsInt32()));
            upper = new(Avx512F.ConvertToVector512Double(signed.V.GetUpper().AsInt32()));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<float> NarrowToSingle(Lanes512<double> lower, Lanes512<double> upper) => new(Vector512.Narrow(lower.V, upper.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Deinterleave(Lanes512<uint> a, Lanes512<uint> b, out Lanes512<uint> first, out Lanes512<uint> second)
        {
            // Per 128-bit group: first = (a0, a2, b0, b2), second = (a1, a3, b1, b3).
            first = new(Avx512F.Shuffle(a.V.AsSingle(), b.V.AsSingle(), 0b10_00_10_00).AsUInt32());
            second = new(Avx512F.Shuffle(a.V.AsSingle(), b.V.AsSingle(), 0b11_01_11_01).AsUInt32());
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Interleave(Lanes512<float> first, Lanes512<float> second, out Lanes512<float> a, out Lanes512<float> b)
        {
            a = new(Avx512F.UnpackLow(first.V, second.V));
            b = new(Avx512F.UnpackHigh(first.V, second.V));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Deinterleave(Lanes512<ulong> a, Lanes512<ulong> b, out Lanes512<ulong> first, out Lanes512<ulong> second)
        {
            // Per 128-bit group: first = (a0, b0), second = (a1, b1).
            first = new(Avx512F.UnpackLow(a.V, b.V));
            second = new(Avx512F.UnpackHigh(a.V, b.V));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Interleave(Lanes512<double> first, Lanes512<double> second, out Lanes512<double> a, out Lanes512<double> b)
        {
            a = new(Avx512F.UnpackLow(first.V, second.V));
            b = new(Avx512F.UnpackHigh(first.V, second.V));
        }
    }
}
#endif
