using System;
using System.Globalization;

namespace KaimingTools.Tests
{
    /// <summary>Assertions on relative error and an adaptive Simpson quadrature written for the tests.</summary>
    internal static class TestMath
    {
        public static double RelativeError(double actual, double expected) =>
            expected == 0.0 ? Math.Abs(actual) : Math.Abs((actual - expected) / expected);

        public static void Close(double expected, double actual, double relativeTolerance)
        {
            double error = RelativeError(actual, expected);
            Assert.True(
                error <= relativeTolerance,
                string.Format(CultureInfo.InvariantCulture, "expected {0:R}, actual {1:R}, relative error {2:E3} > {3:E1}", expected, actual, error, relativeTolerance));
        }

        /// <summary>∫ₐᵇ f by adaptive Simpson with Richardson correction, to absolute tolerance <paramref name="tolerance"/>.</summary>
        public static double Integrate(Func<double, double> f, double a, double b, double tolerance = 1e-13)
        {
            double fa = f(a), fb = f(b), m = 0.5 * (a + b), fm = f(m);
            double whole = (b - a) / 6.0 * (fa + (4.0 * fm) + fb);
            return Simpson(f, a, b, fa, fm, fb, whole, tolerance, 40);
        }

        private static double Simpson(Func<double, double> f, double a, double b, double fa, double fm, double fb, double whole, double tolerance, int depth)
        {
            double m = 0.5 * (a + b);
            double lm = 0.5 * (a + m), rm = 0.5 * (m + b);
            double flm = f(lm), frm = f(rm);
            double left = (m - a) / 6.0 * (fa + (4.0 * flm) + fm);
            double right = (b - m) / 6.0 * (fm + (4.0 * frm) + fb);
            double delta = left + right - whole;
            // Stop at the tolerance, or at the rounding noise floor (else the recursion would split forever).
            if (depth <= 0 || Math.Abs(delta) <= 15.0 * tolerance || Math.Abs(delta) <= 1e-15 * (Math.Abs(left) + Math.Abs(right)))
            {
                return left + right + (delta / 15.0);
            }

            return Simpson(f, a, m, fa, flm, fm, left, 0.5 * tolerance, depth - 1) +
                   Simpson(f, m, b, fm, frm, fb, right, 0.5 * tolerance, depth - 1);
        }
    }
}
