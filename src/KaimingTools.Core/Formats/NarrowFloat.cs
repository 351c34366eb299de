using System;

namespace KaimingTools.Formats
{
    /// <summary>
    /// float16 and bfloat16 by bit arithmetic: netstandard2.0 has no <c>System.Half</c>, and one exact
    /// implementation for both frameworks keeps files bit-identical whichever assembly wrote them.
    /// </summary>
    internal static class NarrowFloat
    {
        /// <summary>binary16: 5 exponent bits, 10 mantissa bits.</summary>
        public static ushort ToHalf(double value) => (ushort)Encode(value, 5, 10);

        /// <summary>bfloat16: 8 exponent bits, 7 mantissa bits.</summary>
        public static ushort ToBFloat16(double value) => (ushort)Encode(value, 8, 7);

        /// <summary>The exact value of a binary16.</summary>
        public static float FromHalf(ushort bits) => (float)Decode(bits, 5, 10);

        /// <summary>The exact value of a bfloat16 (it is the top half of a binary32).</summary>
        public static float FromBFloat16(ushort bits) => (float)Decode(bits, 8, 7);

        /// <summary>Rounds to the nearest representable value, ties to even (IEEE's default), overflowing to ±∞.</summary>
        private static uint Encode(double value, int exponentBits, int mantissaBits)
        {
            int bias = (1 << (exponentBits - 1)) - 1;
            int minExponent = 1 - bias;
            uint sign = BitConverter.DoubleToInt64Bits(value) < 0 ? 1u << (exponentBits + mantissaBits) : 0u;
            uint infinity = ((1u << exponentBits) - 1) << mantissaBits;
            if (double.IsNaN(value))
            {
                return sign | infinity | (1u << (mantissaBits - 1)); // a quiet NaN
            }

            double a = Math.Abs(value);
            if (a == 0)
            {
                return sign;
            }

            if (double.IsInfinity(a))
            {
                return sign | infinity;
            }

            long bits = BitConverter.DoubleToInt64Bits(a);
            int exponent = (int)((bits >> 52) & 0x7FF) - 1023;
            if (exponent > bias)
            {
                return sign | infinity;
            }

            // a = k·2^q with q the quantum of a's binade (or of the subnormal range); scaling by a power
            // of two is exact, and Math.Round with ToEven is exact on doubles below 2^53.
            int quantum = Math.Max(exponent, minExponent) - mantissaBits;
            ulong k = (ulong)Math.Round(a * Pow2(-quantum), MidpointRounding.ToEven);
            if (exponent < minExponent)
            {
                return sign | (uint)k; // subnormal; k = 2^mantissaBits is the smallest normal, same bits
            }

            if (k == 1UL << (mantissaBits + 1))
            {
                exponent++;
                k >>= 1;
            }

            if (exponent > bias)
            {
                return sign | infinity;
            }

            return sign | ((uint)(exponent + bias) << mantissaBits) | (uint)(k - (1UL << mantissaBits));
        }

        private static double Decode(uint bits, int exponentBits, int mantissaBits)
        {
            int bias = (1 << (exponentBits - 1)) - 1;
            uint mantissa = bits & ((1u << mantissaBits) - 1);
            int field = (int)((bits >> mantissaBits) & ((1u << exponentBits) - 1));
            bool negative = (bits >> (exponentBits + mantissaBits)) != 0;
            double magnitude;
            if (field == (1 << exponentBits) - 1)
            {
                magnitude = mantissa == 0 ? double.PositiveInfinity : double.NaN;
            }
            else if (field == 0)
            {
                magnitude = mantissa * Pow2(1 - bias - mantissaBits);
            }
            else
            {
                magnitude = ((1u << mantissaBits) + mantissa) * Pow2(field - bias - mantissaBits);
            }

            return negative ? -magnitude : magnitude;
        }

        /// <summary>2^n for n in the normal double range, built from its bits (exact, no Math.Pow).</summary>
        private static double Pow2(int n) => BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
    }
}
