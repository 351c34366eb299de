using System;
using System.Collections.Generic;

namespace KaimingTools.Distributions
{
    /// <summary>
    /// The exact distribution of one layer's initial weights — the answer to "what is the Kaiming He
    /// probability density function" for that layer: its family, its parameters from fan and gain, the
    /// density, cdf and quantile, the moments, the support, and the formula with the numbers filled in.
    /// </summary>
    public sealed class LayerDistribution
    {
        /// <summary>The distribution an initialiser gives a layer with these fans.</summary>
        public LayerDistribution(Initializer initializer, Fans fans)
            : this((initializer ?? throw new ArgumentNullException(nameof(initializer))).Bounds(fans))
        {
        }

        /// <summary>The distribution an initialiser's numbers describe (e.g. a tensor's recorded <see cref="Tensors.WeightTensor.Init"/>).</summary>
        public LayerDistribution(InitBounds bounds)
        {
            Bounds = bounds ?? throw new ArgumentNullException(nameof(bounds));
            Exact = bounds.CreateDistribution();
        }

        /// <summary>The initialiser's numbers: fans, mode, gain, std, bound.</summary>
        public InitBounds Bounds { get; }

        /// <summary>The distribution itself (a <see cref="Uniform"/>, <see cref="Normal"/> or <see cref="TruncatedNormal"/>).</summary>
        public IContinuousDistribution Exact { get; }

        /// <summary>The family.</summary>
        public DistributionKind Kind => Exact.Kind;

        /// <summary>E[w] (0).</summary>
        public double Mean => Exact.Mean;

        /// <summary>Var[w] = gain²/fan.</summary>
        public double Variance => Exact.Variance;

        /// <summary>√Var[w] = gain/√fan.</summary>
        public double StdDev => Exact.StdDev;

        /// <summary>Excess kurtosis: −1.2 (uniform), 0 (normal), −0.634 (truncated at ±2σ').</summary>
        public double ExcessKurtosis => Exact.ExcessKurtosis;

        /// <summary>Lower end of the support.</summary>
        public double Minimum => Exact.Minimum;

        /// <summary>Upper end of the support.</summary>
        public double Maximum => Exact.Maximum;

        /// <summary>The density written out with its numbers, in plain Unicode.</summary>
        public string Formula => Exact.Formula(FormulaStyle.Unicode);

        /// <summary>The density written out with its numbers, in LaTeX.</summary>
        public string FormulaLaTeX => Exact.Formula(FormulaStyle.LaTeX);

        /// <summary>The density f(x).</summary>
        public double Pdf(double x) => Exact.Density(x);

        /// <summary>ln f(x).</summary>
        public double LogPdf(double x) => Exact.DensityLn(x);

        /// <summary>The cumulative distribution F(x).</summary>
        public double Cdf(double x) => Exact.CumulativeDistribution(x);

        /// <summary>The quantile F⁻¹(p), p in [0, 1].</summary>
        public double Quantile(double p) => Exact.InverseCumulativeDistribution(p);

        /// <summary>Density and cdf at each point.</summary>
        public IReadOnlyList<DensityPoint> Evaluate(IEnumerable<double> points)
        {
            var result = new List<DensityPoint>();
            foreach (double x in points ?? throw new ArgumentNullException(nameof(points)))
            {
                result.Add(new DensityPoint(x, Pdf(x), Cdf(x)));
            }

            return result;
        }

        /// <inheritdoc/>
        public override string ToString() => Formula;
    }
}
