namespace KaimingTools.Distributions
{
    /// <summary>
    /// A continuous univariate distribution with its exact analytical functions and moments.
    /// Implemented by <see cref="Uniform"/>, <see cref="Normal"/> and <see cref="TruncatedNormal"/>.
    /// </summary>
    public interface IContinuousDistribution
    {
        /// <summary>Which family this is.</summary>
        DistributionKind Kind { get; }

        /// <summary>E[X].</summary>
        double Mean { get; }

        /// <summary>Var[X].</summary>
        double Variance { get; }

        /// <summary>√Var[X].</summary>
        double StdDev { get; }

        /// <summary>E[(X−μ)⁴]/σ⁴ − 3 (0 for a normal, −1.2 for a uniform).</summary>
        double ExcessKurtosis { get; }

        /// <summary>Lower end of the support (−∞ for a normal).</summary>
        double Minimum { get; }

        /// <summary>Upper end of the support (+∞ for a normal).</summary>
        double Maximum { get; }

        /// <summary>Probability density f(x); 0 outside the support.</summary>
        double Density(double x);

        /// <summary>ln f(x); −∞ outside the support.</summary>
        double DensityLn(double x);

        /// <summary>Cumulative distribution F(x) = P(X ≤ x).</summary>
        double CumulativeDistribution(double x);

        /// <summary>Quantile F⁻¹(p) for p in [0, 1].</summary>
        double InverseCumulativeDistribution(double p);

        /// <summary>The pdf written out with the numbers filled in.</summary>
        string Formula(FormulaStyle style);
    }
}
