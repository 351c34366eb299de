using System;

namespace KaimingTools.Distributions
{
    /// <summary>
    /// Continuous uniform distribution U(a, b) on the closed interval [a, b]. Kaiming uniform is U(−b, b) with
    /// b = gain·√(3/fan), e.g. b = √(6/512) = 0.10825317547305482 for ReLU and fan_in = 512.
    /// </summary>
    public sealed class Uniform : IContinuousDistribution
    {
        /// <summary>Creates U(<paramref name="lower"/>, <paramref name="upper"/>).</summary>
        /// <param name="lower">Lower bound a; finite.</param>
        /// <param name="upper">Upper bound b; finite, greater than a, and b − a finite.</param>
        /// <exception cref="ArgumentException">A bound is NaN or infinite, a ≥ b, or b − a overflows.</exception>
        public Uniform(double lower, double upper)
        {
            Validate(lower, upper);
            Lower = lower;
            Upper = upper;
        }

        /// <summary>Lower bound a.</summary>
        public double Lower { get; }

        /// <summary>Upper bound b.</summary>
        public double Upper { get; }

        /// <inheritdoc/>
        public DistributionKind Kind => DistributionKind.Uniform;

        /// <summary>(a + b)/2.</summary>
        public double Mean => (0.5 * Lower) + (0.5 * Upper);

        /// <summary>(b − a)²/12 (= b²/3 for U(−b, b)).</summary>
        public double Variance => (Upper - Lower) * (Upper - Lower) / 12.0;

        /// <summary>(b − a)/√12.</summary>
        public double StdDev => (Upper - Lower) / Math.Sqrt(12.0);

        /// <summary>−6/5 for every uniform distribution.</summary>
        public double ExcessKurtosis => -1.2;

        /// <summary>a.</summary>
        public double Minimum => Lower;

        /// <summary>b.</summary>
        public double Maximum => Upper;

        /// <summary>True when <paramref name="lower"/> and <paramref name="upper"/> are finite, lower &lt; upper and the width is finite.</summary>
        /// <param name="lower">Candidate lower bound.</param>
        /// <param name="upper">Candidate upper bound.</param>
        /// <returns>Whether the constructor would accept the pair.</returns>
        public static bool IsValidParameterSet(double lower, double upper) =>
            Guard.IsFinite(lower) && Guard.IsFinite(upper) && lower < upper && Guard.IsFinite(upper - lower);

        /// <summary>f(x) = 1/(b − a) for a ≤ x ≤ b, 0 otherwise; NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>The density at <paramref name="x"/>.</returns>
        public double Density(double x) => PdfUnchecked(Lower, Upper, x);

        /// <summary>−ln(b − a) on [a, b], −∞ outside; NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>The log-density at <paramref name="x"/>.</returns>
        public double DensityLn(double x)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x < Lower || x > Upper ? double.NegativeInfinity : -Math.Log(Upper - Lower);
        }

        /// <summary>F(x) = (x − a)/(b − a) clamped to [0, 1]; NaN for NaN.</summary>
        /// <param name="x">Any real (−∞ gives 0, +∞ gives 1).</param>
        /// <returns>P(X ≤ x).</returns>
        public double CumulativeDistribution(double x) => CdfUnchecked(Lower, Upper, x);

        /// <summary>F⁻¹(p) = a + p(b − a); exactly a at p = 0 and b at p = 1.</summary>
        /// <param name="p">A probability in [0, 1].</param>
        /// <returns>The quantile.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public double InverseCumulativeDistribution(double p)
        {
            Guard.Probability(p);
            return InvCdfUnchecked(Lower, Upper, p);
        }

        /// <summary>
        /// The pdf with numbers, e.g. for U(−0.108253, 0.108253):
        /// <c>f(x) = 1/(2b) = 4.6188 for −b ≤ x ≤ b, 0 otherwise; U(−b, b), b = 0.108253</c>.
        /// </summary>
        /// <param name="style">Unicode text or LaTeX.</param>
        /// <returns>The formula.</returns>
        public string Formula(FormulaStyle style)
        {
            string height = FormulaNumber.Format(1.0 / (Upper - Lower), style);
            string a = FormulaNumber.Format(Lower, style);
            string b = FormulaNumber.Format(Upper, style);
            bool symmetric = Lower == -Upper;
            if (style == FormulaStyle.LaTeX)
            {
                return symmetric
                    ? @"f(x)=\frac{1}{2b}\,\mathbf{1}_{[-b,b]}(x)=" + height + @"\,\mathbf{1}_{[" + a + @",\," + b + @"]}(x),\quad b=" + b
                    : @"f(x)=\frac{1}{b-a}\,\mathbf{1}_{[a,b]}(x)=" + height + @"\,\mathbf{1}_{[" + a + @",\," + b + @"]}(x),\quad a=" + a + @",\ b=" + b;
            }

            return symmetric
                ? "f(x) = 1/(2b) = " + height + " for −b ≤ x ≤ b, 0 otherwise; U(−b, b), b = " + b
                : "f(x) = 1/(b − a) = " + height + " for a ≤ x ≤ b, 0 otherwise; U(a, b), a = " + a + ", b = " + b;
        }

        /// <summary>U(−b, b) written out, e.g. "U(−0.108253, 0.108253)".</summary>
        /// <returns>A short description.</returns>
        public override string ToString() =>
            "U(" + FormulaNumber.Format(Lower, FormulaStyle.Unicode) + ", " + FormulaNumber.Format(Upper, FormulaStyle.Unicode) + ")";

        /// <summary>Density of U(<paramref name="lower"/>, <paramref name="upper"/>) at <paramref name="x"/>.</summary>
        /// <param name="lower">Lower bound a (finite).</param>
        /// <param name="upper">Upper bound b (finite, &gt; a).</param>
        /// <param name="x">Any real.</param>
        /// <returns>1/(b − a) on [a, b], 0 outside, NaN for NaN.</returns>
        /// <exception cref="ArgumentException">The bounds are invalid (see the constructor).</exception>
        public static double PDF(double lower, double upper, double x)
        {
            Validate(lower, upper);
            return PdfUnchecked(lower, upper, x);
        }

        /// <summary>Cumulative distribution of U(<paramref name="lower"/>, <paramref name="upper"/>) at <paramref name="x"/>.</summary>
        /// <param name="lower">Lower bound a (finite).</param>
        /// <param name="upper">Upper bound b (finite, &gt; a).</param>
        /// <param name="x">Any real.</param>
        /// <returns>(x − a)/(b − a) clamped to [0, 1]; NaN for NaN.</returns>
        /// <exception cref="ArgumentException">The bounds are invalid (see the constructor).</exception>
        public static double CDF(double lower, double upper, double x)
        {
            Validate(lower, upper);
            return CdfUnchecked(lower, upper, x);
        }

        /// <summary>Quantile of U(<paramref name="lower"/>, <paramref name="upper"/>).</summary>
        /// <param name="lower">Lower bound a (finite).</param>
        /// <param name="upper">Upper bound b (finite, &gt; a).</param>
        /// <param name="p">A probability in [0, 1].</param>
        /// <returns>a + p(b − a).</returns>
        /// <exception cref="ArgumentException">The bounds are invalid (see the constructor).</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public static double InvCDF(double lower, double upper, double p)
        {
            Validate(lower, upper);
            Guard.Probability(p);
            return InvCdfUnchecked(lower, upper, p);
        }

        private static double PdfUnchecked(double lower, double upper, double x)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            return x < lower || x > upper ? 0.0 : 1.0 / (upper - lower);
        }

        private static double CdfUnchecked(double lower, double upper, double x)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (x <= lower)
            {
                return 0.0;
            }

            return x >= upper ? 1.0 : (x - lower) / (upper - lower);
        }

        private static double InvCdfUnchecked(double lower, double upper, double p)
        {
            if (p == 1.0)
            {
                return upper;
            }

            double x = lower + (p * (upper - lower));
            return x > upper ? upper : x;
        }

        private static void Validate(double lower, double upper)
        {
            if (!Guard.IsFinite(lower))
            {
                throw new ArgumentException("The lower bound must be finite.", nameof(lower));
            }

            if (!Guard.IsFinite(upper))
            {
                throw new ArgumentException("The upper bound must be finite.", nameof(upper));
            }

            if (!(lower < upper))
            {
                throw new ArgumentException("The upper bound must be greater than the lower bound.", nameof(upper));
            }

            if (!Guard.IsFinite(upper - lower))
            {
                throw new ArgumentException("The width upper − lower must be finite.", nameof(upper));
            }
        }
    }
}
