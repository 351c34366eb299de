using System.Globalization;

namespace KaimingTools.Statistics
{
    /// <summary>Outcome of a one-sample Kolmogorov–Smirnov test (<see cref="KolmogorovSmirnov.Test(System.ReadOnlySpan{double}, KaimingTools.Distributions.IContinuousDistribution)"/>).</summary>
    public sealed class KolmogorovSmirnovResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="statistic">D = sup |Fₙ(x) − F(x)|, in [0, 1].</param>
        /// <param name="pValue">P(Dₙ ≥ D) under the null hypothesis, in [0, 1].</param>
        /// <param name="count">Sample size n.</param>
        public KolmogorovSmirnovResult(double statistic, double pValue, int count)
        {
            Statistic = statistic;
            PValue = pValue;
            Count = count;
        }

        /// <summary>The two-sided statistic D = max(D⁺, D⁻).</summary>
        public double Statistic { get; }

        /// <summary>Two-sided p-value P(Dₙ ≥ D) when the sample comes from the hypothesised distribution.</summary>
        public double PValue { get; }

        /// <summary>Sample size n.</summary>
        public int Count { get; }

        /// <summary>E.g. "D = 0.1234, p = 0.5678, n = 20".</summary>
        /// <returns>A one-line summary.</returns>
        public override string ToString() => string.Format(
            CultureInfo.InvariantCulture, "D = {0:G6}, p = {1:G6}, n = {2}", Statistic, PValue, Count);
    }
}
