using System;
using System.Security.Cryptography;

namespace KaimingTools.Sampling
{
    /// <summary>Fresh seeds for when the user gives none (the seed is recorded, so the result can be reproduced).</summary>
    public static class Seeds
    {
        /// <summary>A uniformly random 64-bit seed from the operating system's generator.</summary>
        public static ulong NewSeed()
        {
            var bytes = new byte[8];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            return BitConverter.ToUInt64(bytes, 0);
        }
    }
}
