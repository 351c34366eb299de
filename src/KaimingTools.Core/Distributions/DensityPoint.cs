namespace KaimingTools.Distributions
{
    /// <summary>A distribution's density and cdf at one point.</summary>
    public sealed class DensityPoint
    {
        /// <summary>Creates the point.</summary>
        public DensityPoint(double x, double pdf, double cdf)
        {
            X = x;
            Pdf = pdf;
            Cdf = cdf;
        }

        /// <summary>Where the distribution is evaluated.</summary>
        public double X { get; }

        /// <summary>f(x).</summary>
        public double Pdf { get; }

        /// <summary>F(x) = P(W ≤ x).</summary>
        public double Cdf { get; }
    }
}
