using System;

namespace KaimingTools.Distributions
{
    /// <summary>Argument checks shared by the distributions (.NET Standard 2.0 has no double.IsFinite).</summary>
    internal static class Guard
    {
        /// <summary>Neither NaN nor ±∞.</summary>
        public static bool IsFinite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);

        /// <summary>Throws unless 0 ≤ p ≤ 1 (NaN throws).</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public static void Probability(double p)
        {
            if (!(p >= 0.0 && p <= 1.0))
            {
                throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must be in [0, 1].");
            }
        }
    }
}
