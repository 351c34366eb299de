using System;
using KaimingTools.Distributions;

namespace KaimingTools.Simulation
{
    /// <summary>
    /// Where a simulated network's weights come from: an <see cref="Initializer"/> (its variance depends on
    /// each layer's fans) or a normal with one fixed standard deviation for every layer, such as the
    /// N(0, 0.01²) that He et al. 2015 (§2.2, "Comparisons with Xavier") and Krizhevsky et al. 2012 use as
    /// the naive baseline. The fixed-std case is not an <see cref="InitScheme"/>: it is not a scheme anyone
    /// should generate weights with, only a comparison.
    /// </summary>
    public sealed class WeightSource
    {
        private WeightSource(Initializer? initializer, double fixedStd, string label)
        {
            Initializer = initializer;
            FixedStd = fixedStd;
            Label = label;
        }

        /// <summary>The initialiser, or null for a fixed standard deviation.</summary>
        public Initializer? Initializer { get; }

        /// <summary>The fixed standard deviation, or NaN when an initialiser is used.</summary>
        public double FixedStd { get; }

        /// <summary>
        /// A short name for tables and plots: <c>Kaiming FanIn</c>, <c>Kaiming FanOut</c>, <c>Xavier</c>,
        /// <c>LeCun</c>, <c>VarianceScaling FanIn</c>, or <c>Fixed std 0.01</c>.
        /// </summary>
        public string Label { get; }

        /// <summary>Weights from an initialiser: Var[w_l] = gain²/fan of layer l.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="initializer"/> is null.</exception>
        public static WeightSource From(Initializer initializer)
        {
            if (initializer is null)
            {
                throw new ArgumentNullException(nameof(initializer));
            }

            string label = initializer.Scheme is InitScheme.Kaiming or InitScheme.VarianceScaling
                ? initializer.Scheme + " " + initializer.Mode
                : initializer.Scheme.ToString();
            return new WeightSource(initializer, double.NaN, label);
        }

        /// <summary>Weights from N(0, std²) in every layer, whatever its fans.</summary>
        /// <exception cref="InitArgumentException"><paramref name="std"/> is not positive and finite (<c>InvalidStd</c>).</exception>
        public static WeightSource FixedNormal(double std)
        {
            InitArgumentException.RequirePositiveFinite(std, "InvalidStd", "Std");
            return new WeightSource(null, std, "Fixed std " + InitArgumentException.Format(std));
        }

        /// <summary>The family and the <see cref="Sampling.CounterSampler"/> scale for a layer with these fans.</summary>
        internal (DistributionKind Kind, double Scale) SamplerArguments(Fans fans) =>
            Initializer is null ? (DistributionKind.Normal, FixedStd) : (Initializer.Distribution, Initializer.SamplerScale(fans));

        /// <summary>Var[w] for a layer with these fans.</summary>
        internal double Variance(Fans fans) => Initializer is null ? FixedStd * FixedStd : Initializer.Bounds(fans).Variance;

        /// <inheritdoc/>
        public override string ToString() => Label;
    }
}
