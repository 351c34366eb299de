namespace KaimingTools.Sampling
{
    /// <summary>Bit casts that netstandard2.0's BitConverter lacks.</summary>
    internal static class Bits
    {
        internal static unsafe int ToInt32(float x) => *(int*)&x;

        internal static unsafe float ToSingle(int x) => *(float*)&x;

        internal static unsafe long ToInt64(double x) => *(long*)&x;

        internal static unsafe double ToDouble(long x) => *(double*)&x;
    }
}
