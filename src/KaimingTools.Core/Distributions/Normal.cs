using System;

namespace KaimingTools.Distributions
{
    /// <summary>
    /// Normal distribution N(μ, σ²), parameterised by the mean μ and the standard deviation σ (not the
    /// variance). Kaiming normal is N(0, σ²) with σ = gain/√fan, e.g. σ = √(2/512) = 0.0625, variance
    /// 0.00390625, for ReLU and fan_in = 512 (He et al. 2015, eq. 10).
    /// </summary>
    public sealed class Normal : IContinuousDistribution
    {
        /// <summary>Creates N(<paramref name="mean"/>, <paramref name="stdDev"/>²).</summary>
        /// <param name="mean">μ; finite.</param>
        /// <param name="stdDev">σ, the standard deviation; finite and &gt; 0.</param>
        /// <exception cref="ArgumentException">μ is not finite, or σ is not finite and positive.</exception>
        public Normal(double mean, double stdDev)
        {
            Validate(mean, stdDev);
            Mean = mean;
            StdDev = stdDev;
        }

        /// <inheritdoc/>
        public DistributionKind Kind => DistributionKind.Normal;

        /// <summary>μ.</summary>
        public double Mean { get; }

        /// <summary>σ².</summary>
        public double Variance => StdDev * StdDev;

        /// <summary>σ.</summary>
        public double StdDev { get; }

        /// <summary>0.</summary>
        public double ExcessKurtosis => 0.0;

        /// <summary>−∞.</summary>
        public double Minimum => double.NegativeInfinity;

        /// <summary>+∞.</summary>
        public double Maximum => double.PositiveInfinity;

        /// <summary>True when μ is finite and σ is finite and positive.</summary>
        /// <param name="mean">Candidate μ.</param>
        /// <param name="stdDev">Candidate σ.</param>
        /// <returns>Whether the constructor would accept the pair.</returns>
        public static bool IsValidParameterSet(double mean, double stdDev) =>
            Guard.IsFinite(mean) && Guard.IsFinite(stdDev) && stdDev > 0.0;

        /// <summary>f(x) = φ((x − μ)/σ)/σ; 0 at ±∞, NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>The density.</returns>
        public double Density(double x) => PdfUnchecked(Mean, StdDev, x);

        /// <summary>ln f(x) = −z²/2 − ln σ − ln√(2π), z = (x − μ)/σ; −∞ at ±∞, NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>The log-density.</returns>
        public double DensityLn(double x)
        {
            double z = (x - Mean) / StdDev;
            return (-0.5 * z * z) - Math.Log(StdDev) - LnSqrt2Pi;
        }

        /// <summary>F(x) = Φ((x − μ)/σ); 0 at −∞, 1 at +∞, NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>P(X ≤ x), relatively accurate in the lower tail.</returns>
        public double CumulativeDistribution(double x) => CdfUnchecked(Mean, StdDev, x);

        /// <summary>F⁻¹(p) = μ + σ·Φ⁻¹(p); −∞ at 0, +∞ at 1.</summary>
        /// <param name="p">A probability in [0, 1].</param>
        /// <returns>The quantile.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public double InverseCumulativeDistribution(double p) => InvCdfUnchecked(Mean, StdDev, p);

        /// <summary>
        /// The pdf with numbers; both σ and σ² are shown so the std-versus-variance confusion cannot arise, e.g.
        /// <c>f(x) = 1/(σ√(2π)) · exp(−x²/(2σ²)), σ = 0.0625 (variance σ² = 0.00390625)</c>.
        /// </summary>
        /// <param name="style">Unicode text or LaTeX.</param>
        /// <returns>The formula.</returns>
        public string Formula(FormulaStyle style)
        {
            string sigma = FormulaNumber.Format(StdDev, style);
            string variance = FormulaNumber.Format(Variance, style);
            string mu = FormulaNumber.Format(Mean, style);
            bool centred = Mean == 0.0;
            if (style == FormulaStyle.LaTeX)
            {
                string square = centred ? "x^2" : "(x-\\mu)^2";
                string numbers = centred
                    ? @"\sigma=" + sigma + @",\ \sigma^2=" + variance
                    : @"\mu=" + mu + @",\ \sigma=" + sigma + @",\ \sigma^2=" + variance;
                return @"f(x)=\frac{1}{\sigma\sqrt{2\pi}}e^{-" + square + @"/(2\sigma^2)},\quad " + numbers;
            }

            return centred
                ? "f(x) = 1/(σ√(2π)) · exp(−x²/(2σ²)), σ = " + sigma + " (variance σ² = " + variance + ")"
                : "f(x) = 1/(σ√(2π)) · exp(−(x − μ)²/(2σ²)), μ = " + mu + ", σ = " + sigma + " (variance σ² = " + variance + ")";
        }

        /// <summary>"N(μ, σ²)" with numbers, e.g. "N(0, 0.00390625)" — the second argument is the variance.</summary>
        /// <returns>A short description in standard notation.</returns>
        public override string ToString() =>
            "N(" + FormulaNumber.Format(Mean, FormulaStyle.Unicode) + ", " + FormulaNumber.Format(Variance, FormulaStyle.Unicode) + ")";

        /// <summary>Density of N(<paramref name="mean"/>, <paramref name="stdDev"/>²) at <paramref name="x"/>.</summary>
        /// <param name="mean">μ; finite.</param>
        /// <param name="stdDev">σ; finite and &gt; 0.</param>
        /// <param name="x">Any real.</param>
        /// <returns>φ((x − μ)/σ)/σ.</returns>
        /// <exception cref="ArgumentException">Invalid μ or σ.</exception>
        public static double PDF(double mean, double stdDev, double x)
        {
            Validate(mean, stdDev);
            return PdfUnchecked(mean, stdDev, x);
        }

        /// <summary>Cumulative distribution of N(<paramref name="mean"/>, <paramref name="stdDev"/>²) at <paramref name="x"/>.</summary>
        /// <param name="mean">μ; finite.</param>
        /// <param name="stdDev">σ; finite and &gt; 0.</param>
        /// <param name="x">Any real.</param>
        /// <returns>Φ((x − μ)/σ).</returns>
        /// <exception cref="ArgumentException">Invalid μ or σ.</exception>
        public static double CDF(double mean, double stdDev, double x)
        {
            Validate(mean, stdDev);
            return CdfUnchecked(mean, stdDev, x);
        }

        /// <summary>Quantile of N(<paramref name="mean"/>, <paramref name="stdDev"/>²).</summary>
        /// <param name="mean">μ; finite.</param>
        /// <param name="stdDev">σ; finite and &gt; 0.</param>
        /// <param name="p">A probability in [0, 1].</param>
        /// <returns>μ + σ·Φ⁻¹(p).</returns>
        /// <exception cref="ArgumentException">Invalid μ or σ.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public static double InvCDF(double mean, double stdDev, double p)
        {
            Validate(mean, stdDev);
            return InvCdfUnchecked(mean, stdDev, p);
        }

        private const double LnSqrt2Pi = 0.9189385332046728;

        private static double PdfUnchecked(double mean, double stdDev, double x) =>
            SpecialFunctions.NormalPdf((x - mean) / stdDev) / stdDev;

        private static double CdfUnchecked(double mean, double stdDev, double x) =>
            SpecialFunctions.NormalCdf((x - mean) / stdDev);

        private static double InvCdfUnchecked(double mean, double stdDev, double p) =>
            mean + (stdDev * SpecialFunctions.NormalQuantile(p));

        private static void Validate(double mean, double stdDev)
        {
            if (!Guard.IsFinite(mean))
            {
                throw new ArgumentException("The mean must be finite.", nameof(mean));
            }

            if (!(Guard.IsFinite(stdDev) && stdDev > 0.0))
            {
                throw new ArgumentException("The standard deviation must be finite and positive.", nameof(stdDev));
            }
        }
    }
}
