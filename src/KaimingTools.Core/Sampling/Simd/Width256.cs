#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace KaimingTools.Sampling.Simd
{
    /// <summary>The 256-bit width (Avx2); callers check <see cref="IsSupported"/> first.</summary>
    internal readonly struct Width256 : IWidth<Lanes256<float>, Lanes256<double>, Lanes256<uint>, Lanes256<ulong>>
    {
        internal static bool IsSupported => Avx2.IsSupported;

        public static int Words => Vector256<uint>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<ulong> Counters(ulong firstBlock) => new(Vector256.Create(firstBlock, 0, firstBlock + 1, 0));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<ulong> Pairs(ulong even, ulong odd) => new(Vector256.Create(even, odd, even, odd));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<ulong> MultiplyEven(Lanes256<uint> a, Lanes256<uint> b) => new(Avx2.Multiply(a.V, b.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<uint> ReverseWords(Lanes256<uint> a) => new(Avx2.Shuffle(a.V, 0x1B));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<uint> ShiftRightArithmetic(Lanes256<uint> a, int count) => new(Vector256.ShiftRightArithmetic(a.V.AsInt32(), count).AsUInt32());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<uint> Xor(Lanes256<uint> a, Lanes256<uint> b, Lanes256<uint> c) =>
            Avx512F.VL.IsSupported ? new(Avx512F.VL.TernaryLogic(a.V, b.V, c.V, 0x96)) : new(a.V ^ b.V ^ c.V); // 0x96: the truth table of a ^ b ^ c

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<uint> AsUInt32(Lanes256<float> a) => new(a.V.AsUInt32());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<uint> AsUInt32(Lanes256<ulong> a) => new(a.V.AsUInt32());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<float> AsSingle(Lanes256<uint> a) => new(a.V.AsSingle());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<ulong> AsUInt64(Lanes256<uint> a) => new(a.V.AsUInt64());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<ulong> AsUInt64(Lanes256<double> a) => new(a.V.AsUInt64());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<double> AsDouble(Lanes256<ulong> a) => new(a.V.AsDouble());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<float> ToSingle(Lanes256<uint> signed) => new(Vector256.ConvertToSingle(signed.V.AsInt32()));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<double> ToDouble(Lanes256<ulong> signed) => new(Vector256.ConvertToDouble(signed.V.AsInt64()));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<ulong> ToInt64(Lanes256<double> integral) => new(Vector256.ConvertToInt64(integral.V).AsUInt64());

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<double> Floor(Lanes256<double> a) => new(Vector256.Floor(a.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void WidenToDouble(Lanes256<uint> signed, out Lanes256<double> lower, out Lanes256<double> upper)
        {
            lower = new(Avx.ConvertToVector256Double(signed.V.GetLower().AsInt32()));
            upper = new(Avx.ConvertToVector256Double(signed.V.GetUpper().AsInt32()));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<float> NarrowToSingle(Lanes256<double> lower, Lanes256<double> upper) => new(Vector256.Narrow(lower.V, upper.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Deinterleave(Lanes256<uint> a, Lanes256<uint> b, out Lanes256<uint> first, out Lanes256<uint> second)
        {
            // Per 128-bit group: first = (a0, a2, b0, b2), second = (a1, a3, b1, b3).
            first = new(Avx.Shuffle(a.V.AsSingle(), b.V.AsSingle(), 0b10_00_10_00).AsUInt32());
            second = new(Avx.Shuffle(a.V.AsSingle(), b.V.AsSingle(), 0b11_01_11_01).AsUInt32());
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Interleave(Lanes256<float> first, Lanes256<float> second, out Lanes256<float> a, out Lanes256<float> b)
        {
            a = new(Avx.UnpackLow(first.V, second.V));
            b = new(Avx.UnpackHigh(first.V, second.V));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Deinterleave(Lanes256<ulong> a, Lanes256<ulong> b, out Lanes256<ulong> first, out Lanes256<ulong> second)
        {
            // Per 128-bit group: first = (a0, b0), second = (a1, b1).
            first = new(Avx2.UnpackLow(a.V, b.V));
            second = new(Avx2.UnpackHigh(a.V, b.V));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Interleave(Lanes256<double> first, Lanes256<double> second, out Lanes256<double> a, out Lanes256<double> b)
        {
            a = new(Avx.UnpackLow(first.V, second.V));
            b = new(Avx.UnpackHigh(first.V, second.V));
        }
    }
}
#endif
