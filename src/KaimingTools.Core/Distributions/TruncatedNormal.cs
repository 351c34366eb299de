using System;

namespace KaimingTools.Distributions
{
    /// <summary>
    /// A normal N(μ, σ²) conditioned on a ≤ X ≤ b: f(x) = φ((x − μ)/σ)/(σ·Z) on [a, b], Z = Φ(β) − Φ(α),
    /// α = (a − μ)/σ, β = (b − μ)/σ. μ and σ are the parent normal's; the truncated mean and standard deviation
    /// are <see cref="Mean"/> and <see cref="StdDev"/>. <see cref="WithTruncatedStdDev"/> builds the Keras/JAX
    /// initialiser (cut at ±2σ′, σ′ chosen so that the truncated standard deviation is the requested one).
    /// </summary>
    /// <remarks>
    /// Numerics: the computation is done in a frame mirrored so that the interval lies mostly in the lower half
    /// (α + β ≤ 0), where Φ is relatively accurate; when even Φ(β) is below 1e−284 every Φ is divided by Φ(β)
    /// through exact ratios e^{−(s−β)(s+β)/2}·R(−s)/R(−β) of Mills ratios, so intervals as far out as
    /// [40, 41] standard deviations still have accurate pdf, cdf and quantile. Moments use the closed forms
    /// from the recurrence E[Sᵏ] = (k−1)E[Sᵏ⁻²] − [sᵏ⁻¹φ(s)]_α^β/Z, taken about the mean to limit cancellation; still,
    /// far in a tail (α ≈ 40) the variance keeps only about 10 significant digits and the excess kurtosis about 4.
    /// </remarks>
    public sealed class TruncatedNormal : IContinuousDistribution
    {
        /// <summary>
        /// Standard deviation of a standard normal truncated to [−2, 2]:
        /// √(1 − 4φ(2)/(2Φ(2) − 1)) = 0.87962566103423978. Keras/JAX divide the requested std by it.
        /// </summary>
        public const double KerasStdDevCorrection = 0.87962566103423978;

        private const double LnSqrt2Pi = 0.9189385332046728;

        /// <summary>Below this working-frame upper bound every Φ is taken relative to Φ(hi).</summary>
        private const double RatioModeBelow = -36.0;

        private readonly bool _mirrored; // working frame s = −(x − μ)/σ
        private readonly double _lo;     // working-frame standardized bounds, _lo < 0, _lo + _hi ≤ 0
        private readonly double _hi;
        private readonly bool _ratioMode;
        private readonly double _pLo;    // Φ(_lo), or Φ(_lo)/Φ(_hi) in ratio mode
        private readonly double _pHi;    // Φ(_hi), or 1 in ratio mode
        private readonly double _zScaled; // _pHi − _pLo
        private readonly double _logZ;

        /// <summary>Creates the normal N(<paramref name="mean"/>, <paramref name="sigma"/>²) truncated to [<paramref name="lower"/>, <paramref name="upper"/>].</summary>
        /// <param name="mean">μ of the parent normal; finite.</param>
        /// <param name="sigma">σ of the parent normal; finite and &gt; 0.</param>
        /// <param name="lower">a; may be −∞.</param>
        /// <param name="upper">b &gt; a; may be +∞.</param>
        /// <exception cref="ArgumentException">
        /// μ not finite, σ not finite and positive, a or b NaN, a ≥ b, or the interval has probability 0 in
        /// double precision (Φ(β) − Φ(α) rounds to zero).
        /// </exception>
        public TruncatedNormal(double mean, double sigma, double lower, double upper)
        {
            if (!Guard.IsFinite(mean))
            {
                throw new ArgumentException("The parent mean must be finite.", nameof(mean));
            }

            if (!(Guard.IsFinite(sigma) && sigma > 0.0))
            {
                throw new ArgumentException("The parent sigma must be finite and positive.", nameof(sigma));
            }

            if (double.IsNaN(lower) || double.IsPositiveInfinity(lower))
            {
                throw new ArgumentException("The lower bound must be a number below +∞.", nameof(lower));
            }

            if (double.IsNaN(upper) || !(lower < upper))
            {
                throw new ArgumentException("The upper bound must be greater than the lower bound.", nameof(upper));
            }

            Mu = mean;
            Sigma = sigma;
            Lower = lower;
            Upper = upper;

            double alpha = (lower - mean) / sigma;
            double beta = (upper - mean) / sigma;
            _mirrored = alpha + beta > 0.0;
            _lo = _mirrored ? -beta : alpha;
            _hi = _mirrored ? -alpha : beta;
            _ratioMode = _hi < RatioModeBelow;
            _pLo = ScaledCdf(_lo);
            _pHi = _ratioMode ? 1.0 : SpecialFunctions.NormalCdf(_hi);
            _zScaled = _pHi - _pLo;
            if (!(_zScaled > 0.0))
            {
                throw new ArgumentException("The interval [lower, upper] has zero probability in double precision.", nameof(upper));
            }

            _logZ = Math.Log(_zScaled) + (_ratioMode ? SpecialFunctions.LogNormalCdf(_hi) : 0.0);
            ComputeMoments(out double mean1, out double variance, out double kurtosis);
            Mean = mean + (sigma * (_mirrored ? -mean1 : mean1));
            Variance = sigma * sigma * variance;
            StdDev = sigma * Math.Sqrt(variance);
            ExcessKurtosis = kurtosis;
        }

        /// <summary>
        /// The Keras/JAX truncated normal initialiser with truncated standard deviation <paramref name="stdDev"/>:
        /// parent σ′ = stdDev/<see cref="KerasStdDevCorrection"/>, cut at ±2σ′, mean 0.
        /// </summary>
        /// <param name="stdDev">The standard deviation the weights must have, e.g. √(2/fan_in); finite and &gt; 0.</param>
        /// <returns>A distribution whose <see cref="StdDev"/> equals <paramref name="stdDev"/> (to about 1e−16 relative).</returns>
        /// <exception cref="ArgumentException"><paramref name="stdDev"/> is not finite and positive.</exception>
        public static TruncatedNormal WithTruncatedStdDev(double stdDev)
        {
            if (!(Guard.IsFinite(stdDev) && stdDev > 0.0))
            {
                throw new ArgumentException("The standard deviation must be finite and positive.", nameof(stdDev));
            }

            double sigma = stdDev / KerasStdDevCorrection;
            return new TruncatedNormal(0.0, sigma, -2.0 * sigma, 2.0 * sigma);
        }

        /// <inheritdoc/>
        public DistributionKind Kind => DistributionKind.TruncatedNormal;

        /// <summary>μ of the parent normal (equals <see cref="Mean"/> only for a symmetric cut).</summary>
        public double Mu { get; }

        /// <summary>σ of the parent normal; larger than <see cref="StdDev"/>, the truncated standard deviation.</summary>
        public double Sigma { get; }

        /// <summary>Lower cut a (may be −∞).</summary>
        public double Lower { get; }

        /// <summary>Upper cut b (may be +∞).</summary>
        public double Upper { get; }

        /// <summary>Z = Φ(β) − Φ(α), the parent probability of [a, b]; 0 when it underflows (the distribution still works).</summary>
        public double NormalizingConstant => Math.Exp(_logZ);

        /// <summary>E[X] = μ + σ(φ(α) − φ(β))/Z.</summary>
        public double Mean { get; }

        /// <summary>Var[X] = σ²[1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²].</summary>
        public double Variance { get; }

        /// <summary>√Var[X], the truncated standard deviation (not <see cref="Sigma"/>).</summary>
        public double StdDev { get; }

        /// <summary>E[(X − E X)⁴]/Var[X]² − 3; ≈ −0.6 for the ±2σ cut (lighter tails than a normal).</summary>
        public double ExcessKurtosis { get; }

        /// <summary>a.</summary>
        public double Minimum => Lower;

        /// <summary>b.</summary>
        public double Maximum => Upper;

        /// <summary>f(x) = φ((x − μ)/σ)/(σ·Z) on [a, b], 0 outside, NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>The density.</returns>
        public double Density(double x)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (x < Lower || x > Upper)
            {
                return 0.0;
            }

            double s = Working(x);
            return StandardDensity(s) / Sigma;
        }

        /// <summary>ln f(x); −∞ outside [a, b], NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>The log-density.</returns>
        public double DensityLn(double x)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (x < Lower || x > Upper)
            {
                return double.NegativeInfinity;
            }

            double s = Working(x);
            if (_ratioMode)
            {
                // ln[φ(s)/Φ(hi)] = −(s − hi)(s + hi)/2 − ln R(−hi), without the large cancelling −s²/2.
                return (-0.5 * (s - _hi) * (s + _hi)) - Math.Log(SpecialFunctions.MillsRatio(-_hi)) - Math.Log(Sigma) - Math.Log(_zScaled);
            }

            return (-0.5 * s * s) - LnSqrt2Pi - Math.Log(Sigma) - _logZ;
        }

        /// <summary>F(x) = (Φ((x − μ)/σ) − Φ(α))/Z; 0 for x ≤ a, 1 for x ≥ b, NaN for NaN.</summary>
        /// <param name="x">Any real.</param>
        /// <returns>P(X ≤ x).</returns>
        public double CumulativeDistribution(double x)
        {
            if (double.IsNaN(x))
            {
                return double.NaN;
            }

            if (x <= Lower)
            {
                return 0.0;
            }

            if (x >= Upper)
            {
                return 1.0;
            }

            double s = Working(x);
            double f = _mirrored ? UpperMass(s) : LowerMass(s);
            return f < 0.0 ? 0.0 : f > 1.0 ? 1.0 : f;
        }

        /// <summary>F⁻¹(p); a at p = 0, b at p = 1, always inside [a, b].</summary>
        /// <param name="p">A probability in [0, 1].</param>
        /// <returns>The quantile.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public double InverseCumulativeDistribution(double p)
        {
            Guard.Probability(p);
            if (p == 0.0)
            {
                return Lower;
            }

            if (p == 1.0)
            {
                return Upper;
            }

            // In the working frame, lowerMass = P(S ≤ s) and upperMass = P(S > s); the one given exactly is p.
            double lowerMass = _mirrored ? 1.0 - p : p;
            double upperMass = _mirrored ? p : 1.0 - p;
            double s;
            if (lowerMass <= upperMass)
            {
                s = QuantileOfScaledCdf(_pLo + (lowerMass * _zScaled));
            }
            else if (_ratioMode || _hi <= 0.0)
            {
                s = QuantileOfScaledCdf(_pHi - (upperMass * _zScaled));
            }
            else
            {
                // Straddling 0 and the point is in the upper half: work with Q(s) = Q(hi) + upperMass·Z.
                s = -SpecialFunctions.NormalQuantile(SpecialFunctions.NormalCdfComplement(_hi) + (upperMass * _zScaled));
            }

            double x = Mu + (Sigma * (_mirrored ? -s : s));
            return x < Lower ? Lower : x > Upper ? Upper : x;
        }

        /// <summary>
        /// The pdf with numbers. For the Keras form (μ = 0, a = −b) e.g.
        /// <c>f(x) = exp(−x²/(2σ²))/(σ√(2π)·Z) for −c ≤ x ≤ c, 0 otherwise; σ = 0.071053, c = 0.142106 (= 2σ), Z = 2Φ(c/σ) − 1 = 0.9545; truncated std = 0.0625 (variance 0.00390625)</c>.
        /// </summary>
        /// <param name="style">Unicode text or LaTeX.</param>
        /// <returns>The formula.</returns>
        public string Formula(FormulaStyle style)
        {
            string sigma = FormulaNumber.Format(Sigma, style);
            string z = FormulaNumber.Format(NormalizingConstant, style);
            string std = FormulaNumber.Format(StdDev, style);
            string variance = FormulaNumber.Format(Variance, style);
            string a = FormulaNumber.Format(Lower, style);
            string b = FormulaNumber.Format(Upper, style);
            bool symmetric = Mu == 0.0 && Lower == -Upper;
            string k = FormulaNumber.Format(Upper / Sigma, style);
            if (style == FormulaStyle.LaTeX)
            {
                return symmetric
                    ? @"f(x)=\frac{e^{-x^2/(2\sigma^2)}}{\sigma\sqrt{2\pi}\,Z}\,\mathbf{1}_{[-c,c]}(x),\quad \sigma=" + sigma + @",\ c=" + b + @"\ (=" + k + @"\sigma),\ Z=2\Phi(c/\sigma)-1=" + z + @";\ \text{truncated std}=" + std + @"\ (\text{variance } " + variance + ")"
                    : @"f(x)=\frac{e^{-(x-\mu)^2/(2\sigma^2)}}{\sigma\sqrt{2\pi}\,Z}\,\mathbf{1}_{[a,b]}(x),\quad \mu=" + FormulaNumber.Format(Mu, style) + @",\ \sigma=" + sigma + @",\ a=" + a + @",\ b=" + b + @",\ Z=\Phi(\tfrac{b-\mu}{\sigma})-\Phi(\tfrac{a-\mu}{\sigma})=" + z + @";\ \text{truncated std}=" + std + @"\ (\text{variance } " + variance + ")";
            }

            return symmetric
                ? "f(x) = exp(−x²/(2σ²))/(σ√(2π)·Z) for −c ≤ x ≤ c, 0 otherwise; σ = " + sigma + ", c = " + b + " (= " + k + "σ), Z = 2Φ(c/σ) − 1 = " + z + "; truncated std = " + std + " (variance " + variance + ")"
                : "f(x) = exp(−(x − μ)²/(2σ²))/(σ√(2π)·Z) for a ≤ x ≤ b, 0 otherwise; μ = " + FormulaNumber.Format(Mu, style) + ", σ = " + sigma + ", a = " + a + ", b = " + b + ", Z = Φ((b − μ)/σ) − Φ((a − μ)/σ) = " + z + "; truncated std = " + std + " (variance " + variance + ")";
        }

        /// <summary>Density of the truncated normal at <paramref name="x"/>.</summary>
        /// <param name="mean">Parent μ; finite.</param>
        /// <param name="sigma">Parent σ; finite and &gt; 0.</param>
        /// <param name="lower">a; may be −∞.</param>
        /// <param name="upper">b &gt; a; may be +∞.</param>
        /// <param name="x">Any real.</param>
        /// <returns>φ((x − μ)/σ)/(σZ) on [a, b], 0 outside.</returns>
        /// <exception cref="ArgumentException">Invalid parameters (see the constructor).</exception>
        public static double PDF(double mean, double sigma, double lower, double upper, double x) =>
            new TruncatedNormal(mean, sigma, lower, upper).Density(x);

        /// <summary>Cumulative distribution of the truncated normal at <paramref name="x"/>.</summary>
        /// <param name="mean">Parent μ; finite.</param>
        /// <param name="sigma">Parent σ; finite and &gt; 0.</param>
        /// <param name="lower">a; may be −∞.</param>
        /// <param name="upper">b &gt; a; may be +∞.</param>
        /// <param name="x">Any real.</param>
        /// <returns>P(X ≤ x).</returns>
        /// <exception cref="ArgumentException">Invalid parameters (see the constructor).</exception>
        public static double CDF(double mean, double sigma, double lower, double upper, double x) =>
            new TruncatedNormal(mean, sigma, lower, upper).CumulativeDistribution(x);

        /// <summary>Quantile of the truncated normal.</summary>
        /// <param name="mean">Parent μ; finite.</param>
        /// <param name="sigma">Parent σ; finite and &gt; 0.</param>
        /// <param name="lower">a; may be −∞.</param>
        /// <param name="upper">b &gt; a; may be +∞.</param>
        /// <param name="p">A probability in [0, 1].</param>
        /// <returns>F⁻¹(p) in [a, b].</returns>
        /// <exception cref="ArgumentException">Invalid parameters (see the constructor).</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
        public static double InvCDF(double mean, double sigma, double lower, double upper, double p) =>
            new TruncatedNormal(mean, sigma, lower, upper).InverseCumulativeDistribution(p);

        /// <summary>Working-frame standardized coordinate of x.</summary>
        private double Working(double x)
        {
            double s = (x - Mu) / Sigma;
            return _mirrored ? -s : s;
        }

        /// <summary>Φ(s), or Φ(s)/Φ(hi) in ratio mode (s ≤ hi there).</summary>
        private double ScaledCdf(double s)
        {
            if (!_ratioMode)
            {
                return SpecialFunctions.NormalCdf(s);
            }

            if (double.IsNegativeInfinity(s))
            {
                return 0.0;
            }

            // Φ(s)/Φ(h) = [φ(s)R(−s)]/[φ(h)R(−h)], φ(s)/φ(h) = e^{−(s−h)(s+h)/2}.
            return Math.Exp(-0.5 * (s - _hi) * (s + _hi)) * SpecialFunctions.MillsRatio(-s) / SpecialFunctions.MillsRatio(-_hi);
        }

        /// <summary>φ(s)/Z: the standardized truncated density in the working frame (0 at ±∞).</summary>
        private double StandardDensity(double s)
        {
            if (double.IsInfinity(s))
            {
                return 0.0;
            }

            if (!_ratioMode)
            {
                return SpecialFunctions.NormalPdf(s) / _zScaled;
            }

            return Math.Exp(-0.5 * (s - _hi) * (s + _hi)) / SpecialFunctions.MillsRatio(-_hi) / _zScaled;
        }

        /// <summary>P(S ≤ s) in the working frame.</summary>
        private double LowerMass(double s) => (ScaledCdf(s) - _pLo) / _zScaled;

        /// <summary>P(S &gt; s) in the working frame; via upper tails when s &gt; 0 to avoid 1 − Φ cancellation.</summary>
        private double UpperMass(double s)
        {
            if (s > 0.0)
            {
                return (SpecialFunctions.NormalCdfComplement(s) - SpecialFunctions.NormalCdfComplement(_hi)) / _zScaled;
            }

            return (_pHi - ScaledCdf(s)) / _zScaled;
        }

        /// <summary>The s with ScaledCdf(s) = t.</summary>
        private double QuantileOfScaledCdf(double t)
        {
            if (!_ratioMode)
            {
                return SpecialFunctions.NormalQuantile(t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t);
            }

            double logP = Math.Log(t) + SpecialFunctions.LogNormalCdf(_hi);
            return SpecialFunctions.LowerQuantile(Math.Exp(logP), logP);
        }

        /// <summary>Standardized mean, variance and excess kurtosis in the working frame.</summary>
        private void ComputeMoments(out double mean, out double variance, out double excessKurtosis)
        {
            double gLo = StandardDensity(_lo);
            double gHi = StandardDensity(_hi);
            double c = gLo - gHi; // E[S]

            // Central moments M_k = E[(S − c)^k] from M_k = (k−1)M_{k−2} − c·M_{k−1} − [(s−c)^{k−1}φ(s)/Z]_lo^hi.
            double dLo = double.IsInfinity(_lo) ? 0.0 : _lo - c;
            double dHi = double.IsInfinity(_hi) ? 0.0 : _hi - c;
            double m2 = 1.0 - ((dHi * gHi) - (dLo * gLo));
            double m3 = -(c * m2) - ((dHi * dHi * gHi) - (dLo * dLo * gLo));
            double m4 = (3.0 * m2) - (c * m3) - ((dHi * dHi * dHi * gHi) - (dLo * dLo * dLo * gLo));
            mean = c;
            variance = m2;
            excessKurtosis = (m4 / (m2 * m2)) - 3.0;
        }
    }
}
