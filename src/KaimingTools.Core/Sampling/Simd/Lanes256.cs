#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace KaimingTools.Sampling.Simd
{
    /// <summary>A Vector256&lt;T&gt; seen through <see cref="ILanes{TSelf, T}"/>; every member is one intrinsic.</summary>
    internal readonly struct Lanes256<T> : ILanes<Lanes256<T>, T>
        where T : struct
    {
        internal readonly Vector256<T> V;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal Lanes256(Vector256<T> v) => V = v;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator +(Lanes256<T> a, Lanes256<T> b) => new(a.V + b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator -(Lanes256<T> a, Lanes256<T> b) => new(a.V - b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator -(Lanes256<T> a) => new(-a.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator *(Lanes256<T> a, Lanes256<T> b) => new(a.V * b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator /(Lanes256<T> a, Lanes256<T> b) => new(a.V / b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator &(Lanes256<T> a, Lanes256<T> b) => new(a.V & b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator |(Lanes256<T> a, Lanes256<T> b) => new(a.V | b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator ^(Lanes256<T> a, Lanes256<T> b) => new(a.V ^ b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator >>>(Lanes256<T> a, int count) => new(a.V >>> count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> operator <<(Lanes256<T> a, int count) => new(a.V << count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> Splat(T value) => new(Vector256.Create(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> GreaterThan(Lanes256<T> a, Lanes256<T> b) => new(Vector256.GreaterThan(a.V, b.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> LessThan(Lanes256<T> a, Lanes256<T> b) => new(Vector256.LessThan(a.V, b.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> Select(Lanes256<T> mask, Lanes256<T> whenTrue, Lanes256<T> whenFalse) =>
            new(Vector256.ConditionalSelect(mask.V, whenTrue.V, whenFalse.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Lanes256<T> mask) => Vector256.ExtractMostSignificantBits(mask.V) != 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Bits(Lanes256<T> mask) => Vector256.ExtractMostSignificantBits(mask.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> Sqrt(Lanes256<T> a) => new(Vector256.Sqrt(a.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref T destination) => V.StoreUnsafe(ref destination);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes256<T> Load(ref T source) => new(Vector256.LoadUnsafe(ref source));
    }
}
#endif
