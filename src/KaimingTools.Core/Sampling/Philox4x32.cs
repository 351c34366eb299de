using System.Runtime.CompilerServices;

namespace KaimingTools.Sampling
{
    /// <summary>
    /// The Philox4x32-10 counter-based generator (Salmon et al., "Parallel random numbers: as easy as
    /// 1, 2, 3", SC 2011; Random123). A pure function of a 128-bit counter and a 64-bit key: block
    /// <c>n</c> of a stream can be computed without computing blocks 0…n−1, which is what makes any
    /// slice of a tensor reproducible on its own.
    /// </summary>
    public static class Philox4x32
    {
        private const uint M0 = 0xD2511F53;
        private const uint M1 = 0xCD9E8D57;
        private const uint W0 = 0x9E3779B9; // golden ratio
        private const uint W1 = 0xBB67AE85; // √3 − 1

        /// <summary>Number of rounds (10, the Random123 default with its full safety margin).</summary>
        public const int Rounds = 10;

        /// <summary>
        /// Computes one 128-bit output block for counter (c0, c1, c2, c3) and key (k0, k1).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Block(
            uint c0, uint c1, uint c2, uint c3, uint k0, uint k1,
            out uint x0, out uint x1, out uint x2, out uint x3)
        {
            for (int round = 0; round < Rounds; round++)
            {
                if (round > 0)
                {
                    k0 += W0;
                    k1 += W1;
                }

                ulong p0 = (ulong)M0 * c0;
                ulong p1 = (ulong)M1 * c2;
                uint n0 = (uint)(p1 >> 32) ^ c1 ^ k0;
                uint n1 = (uint)p1;
                uint n2 = (uint)(p0 >> 32) ^ c3 ^ k1;
                uint n3 = (uint)p0;
                c0 = n0;
                c1 = n1;
                c2 = n2;
                c3 = n3;
            }

            x0 = c0;
            x1 = c1;
            x2 = c2;
            x3 = c3;
        }
    }
}
