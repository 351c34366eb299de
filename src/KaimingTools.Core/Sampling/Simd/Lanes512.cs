#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace KaimingTools.Sampling.Simd
{
    /// <summary>A Vector512&lt;T&gt; seen through <see cref="ILanes{TSelf, T}"/>; every member is one intrinsic.</summary>
    internal readonly struct Lanes512<T> : ILanes<Lanes512<T>, T>
        where T : struct
    {
        internal readonly Vector512<T> V;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal Lanes512(Vector512<T> v) => V = v;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator +(Lanes512<T> a, Lanes512<T> b) => new(a.V + b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator -(Lanes512<T> a, Lanes512<T> b) => new(a.V - b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator -(Lanes512<T> a) => new(-a.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator *(Lanes512<T> a, Lanes512<T> b) => new(a.V * b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator /(Lanes512<T> a, Lanes512<T> b) => new(a.V / b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator &(Lanes512<T> a, Lanes512<T> b) => new(a.V & b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator |(Lanes512<T> a, Lanes512<T> b) => new(a.V | b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator ^(Lanes512<T> a, Lanes512<T> b) => new(a.V ^ b.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator >>>(Lanes512<T> a, int count) => new(a.V >>> count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> operator <<(Lanes512<T> a, int count) => new(a.V << count);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> Splat(T value) => new(Vector512.Create(value));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> GreaterThan(Lanes512<T> a, Lanes512<T> b) => new(Vector512.GreaterThan(a.V, b.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> LessThan(Lanes512<T> a, Lanes512<T> b) => new(Vector512.LessThan(a.V, b.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> Select(Lanes512<T> mask, Lanes512<T> whenTrue, Lanes512<T> whenFalse) =>
            new(Vector512.ConditionalSelect(mask.V, whenTrue.V, whenFalse.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Any(Lanes512<T> mask) => Vector512.ExtractMostSignificantBits(mask.V) != 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static uint Bits(Lanes512<T> mask) => (uint)Vector512.ExtractMostSignificantBits(mask.V);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> Sqrt(Lanes512<T> a) => new(Vector512.Sqrt(a.V));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Store(ref T destination) => V.StoreUnsafe(ref destination);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Lanes512<T> Load(ref T source) => new(Vector512.LoadUnsafe(ref source));
    }
}
#endif
