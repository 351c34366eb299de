using System.Runtime.CompilerServices;

namespace KaimingTools.Sampling
{
    /// <summary>
    /// The elementary functions the samplers need, written with IEEE-754 +, −, ×, ÷ and √ only.
    /// <see cref="System.Math.Log(double)"/> and <see cref="System.Math.Sin(double)"/> come from the
    /// platform's C library and differ in the last bit between runtimes and operating systems; these
    /// do not, so a seed gives the same bits everywhere. Every routine is branch-free apart from
    /// selects, so a vector path can evaluate the same operations lane by lane and match exactly.
    /// Accuracy (checked against <see cref="System.Math"/> in the tests): a few ulp.
    /// </summary>
    internal static class PortableMath
    {
        internal const float Ln2HiF = 0.693359375f;        // 355/512: e·Ln2HiF is exact
        internal const float Ln2LoF = -2.12194440e-4f;     // ln 2 − Ln2HiF
        internal const double Ln2Hi = 6.93147180369123816490e-01; // fdlibm split of ln 2
        internal const double Ln2Lo = 1.90821492927058770002e-10;
        internal const float Sqrt2F = 1.41421356f;
        internal const double Sqrt2 = 1.4142135623730951;

        /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0's enum lacks (runtimes without it ignore it).</summary>
        internal const MethodImplOptions Optimized = (MethodImplOptions)512;

        /// <summary>π/2 rounded to float, then scaled per angle step by the callers.</summary>
        internal const double HalfPi = 1.5707963267948966;

        /// <summary>ln x for positive, normal, finite float x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static float Log(float x)
        {
            int bits = Bits.ToInt32(x);
            int e = ((bits >> 23) & 0xFF) - 127;
            float m = Bits.ToSingle((bits & 0x007FFFFF) | 0x3F800000); // m in [1, 2)
            if (m > Sqrt2F)
            {
                m *= 0.5f; // exact
                e += 1;
            }

            // ln m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.1716: the series converges fast.
            float s = (m - 1f) / (m + 1f);
            float z = s * s;
            float p = (float)(1.0 / 9);
            p = p * z + (float)(1.0 / 7);
            p = p * z + (float)(1.0 / 5);
            p = p * z + (float)(1.0 / 3);
            float r = s + s;
            float t = r + r * (z * p);
            float fe = e;
            return (fe * Ln2LoF + t) + fe * Ln2HiF;
        }

        /// <summary>ln x for positive, normal, finite double x.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static double Log(double x)
        {
            long bits = Bits.ToInt64(x);
            long e = ((bits >> 52) & 0x7FF) - 1023;
            double m = Bits.ToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
            if (m > Sqrt2)
            {
                m *= 0.5;
                e += 1;
            }

            double s = (m - 1.0) / (m + 1.0);
            double z = s * s;
            double p = 1.0 / 21;
            p = p * z + 1.0 / 19;
            p = p * z + 1.0 / 17;
            p = p * z + 1.0 / 15;
            p = p * z + 1.0 / 13;
            p = p * z + 1.0 / 11;
            p = p * z + 1.0 / 9;
            p = p * z + 1.0 / 7;
            p = p * z + 1.0 / 5;
            p = p * z + 1.0 / 3;
            double r = s + s;
            double t = r + r * (z * p);
            double de = e;
            return (de * Ln2Lo + t) + de * Ln2Hi;
        }

        /// <summary>e^x for |x| ≤ 700.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static double Exp(double x)
        {
            // x = n·ln2 + r, |r| ≤ ln2/2; Math.Floor is exact (IEEE roundToIntegral), so portable.
            double n = System.Math.Floor(x * 1.4426950408889634 + 0.5);
            double r = (x - n * Ln2Hi) - n * Ln2Lo;
            double p = 1.0 / 6227020800; // 1/13!
            p = p * r + 1.0 / 479001600;
            p = p * r + 1.0 / 39916800;
            p = p * r + 1.0 / 3628800;
            p = p * r + 1.0 / 362880;
            p = p * r + 1.0 / 40320;
            p = p * r + 1.0 / 5040;
            p = p * r + 1.0 / 720;
            p = p * r + 1.0 / 120;
            p = p * r + 1.0 / 24;
            p = p * r + 1.0 / 6;
            p = p * r + 0.5;
            p = p * r + 1.0;
            p = p * r + 1.0;
            return p * Bits.ToDouble(((long)n + 1023) << 52);
        }

        /// <summary>sin a and cos a for |a| ≤ π/4 (Taylor series; truncation below 3e−8 relative).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void SinCos(float a, out float sin, out float cos)
        {
            float z = a * a;
            float s = (float)(1.0 / 362880);
            s = s * z - (float)(1.0 / 5040);
            s = s * z + (float)(1.0 / 120);
            s = s * z - (float)(1.0 / 6);
            sin = a + a * (z * s);
            float c = (float)(-1.0 / 3628800);
            c = c * z + (float)(1.0 / 40320);
            c = c * z - (float)(1.0 / 720);
            c = c * z + (float)(1.0 / 24);
            c = c * z - 0.5f;
            cos = 1f + z * c;
        }

        /// <summary>sin a and cos a for |a| ≤ π/4 (Taylor series; truncation below 1e−17 relative).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal static void SinCos(double a, out double sin, out double cos)
        {
            double z = a * a;
            double s = 1.0 / 355687428096000;   // 1/17!
            s = s * z - 1.0 / 1307674368000;     // 1/15!
            s = s * z + 1.0 / 6227020800;        // 1/13!
            s = s * z - 1.0 / 39916800;          // 1/11!
            s = s * z + 1.0 / 362880;
            s = s * z - 1.0 / 5040;
            s = s * z + 1.0 / 120;
            s = s * z - 1.0 / 6;
            sin = a + a * (z * s);
            double c = 1.0 / 6402373705728000;   // 1/18!
            c = c * z - 1.0 / 20922789888000;    // 1/16!
            c = c * z + 1.0 / 87178291200;       // 1/14!
            c = c * z - 1.0 / 479001600;         // 1/12!
            c = c * z + 1.0 / 3628800;
            c = c * z - 1.0 / 40320;
            c = c * z + 1.0 / 720;
            c = c * z - 1.0 / 24;
            c = c * z + 0.5;
            cos = 1.0 - z * c;
        }

        /// <summary>Below this p (and above 1 − it) Acklam's quantile uses its tail formula.</summary>
        internal const double AcklamPLow = 0.02425;

        /// <summary>Terms of the erf series in <see cref="NormalCdfCentral"/>.</summary>
        internal const int CdfSeriesTerms = 40;

        /// <summary>
        /// Φ⁻¹(p) for p in (0, 1) by Acklam's rational approximation (relative error below 1.15e−9).
        /// Enough on its own for float32 samples; <see cref="RefinedNormalQuantile"/> adds a Halley step.
        /// </summary>
        [MethodImpl(Optimized)] // the vector kernels call it for rare lanes from the start
        internal static double AcklamNormalQuantile(double p)
        {
            const double PLow = AcklamPLow;
            if (p < PLow || p > 1 - PLow)
            {
                double t = p < PLow ? p : 1 - p;
                double q = System.Math.Sqrt(-2 * Log(t));
                double num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00;
                double den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1.0;
                double x = num / den;
                return p < PLow ? x : -x;
            }
            else
            {
                double q = p - 0.5;
                double r = q * q;
                double num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                    + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q;
                double den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                    + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1.0;
                return num / den;
            }
        }

        /// <summary>
        /// Φ⁻¹(p) for |Φ⁻¹(p)| ≤ 2.5: Acklam's estimate and one Halley step (Acklam's own refinement),
        /// with Φ from <see cref="NormalCdfCentral"/>: close to full double precision.
        /// </summary>
        internal static double RefinedNormalQuantile(double p)
        {
            double x = AcklamNormalQuantile(p);
            double e = NormalCdfCentral(x) - p;
            double u = e * 2.5066282746310002 * Exp(0.5 * x * x); // e·√(2π)·e^{x²/2}
            return x - u / (1 + 0.5 * x * u);
        }

        /// <summary>
        /// Φ(x) for |x| ≤ 2.5 from the all-positive series erf(y) = (2/√π)·e^{−y²}·Σ 2ⁿy^{2n+1}/(2n+1)!!
        /// (Abramowitz &amp; Stegun 7.1.6), y = |x|/√2.
        /// </summary>
        internal static double NormalCdfCentral(double x)
        {
            double y = (x < 0 ? -x : x) * 0.70710678118654752;
            double y2 = y * y;
            double term = y;
            double sum = y;
            for (int n = 1; n < CdfSeriesTerms; n++)
            {
                term *= 2 * y2 / (2 * n + 1);
                sum += term;
            }

            double erf = 1.1283791670955126 * Exp(-y2) * sum;
            return x < 0 ? 0.5 - 0.5 * erf : 0.5 + 0.5 * erf;
        }
    }
}
