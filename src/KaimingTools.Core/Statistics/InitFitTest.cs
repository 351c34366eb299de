using System;
using KaimingTools.Distributions;
using KaimingTools.Tensors;

namespace KaimingTools.Statistics
{
    /// <summary>
    /// Does a sample follow a layer's initialisation? A one-sample Kolmogorov–Smirnov test against the
    /// exact distribution, with the sample's moments beside the expected ones.
    /// </summary>
    public static class InitFitTest
    {
        /// <summary>The default significance level.</summary>
        public const double DefaultAlpha = 0.01;

        /// <summary>Tests a tensor's elements.</summary>
        /// <exception cref="ArgumentOutOfRangeException">alpha not in (0, 1).</exception>
        public static InitFitResult Test(WeightTensor tensor, LayerDistribution expected, double alpha = DefaultAlpha)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(nameof(tensor));
            }

            return tensor.Data is float[] f
                ? Create(KolmogorovSmirnov.Test(f, expected.Exact), tensor.Summary, expected, alpha)
                : Create(KolmogorovSmirnov.Test((double[])tensor.Data, expected.Exact), tensor.Summary, expected, alpha);
        }

        /// <summary>Tests a sample of numbers.</summary>
        /// <exception cref="ArgumentException">Empty sample.</exception>
        /// <exception cref="ArgumentOutOfRangeException">alpha not in (0, 1).</exception>
        public static InitFitResult Test(ReadOnlySpan<double> sample, LayerDistribution expected, double alpha = DefaultAlpha) =>
            Create(KolmogorovSmirnov.Test(sample, expected.Exact), SampleSummary.Of(sample), expected, alpha);

        private static InitFitResult Create(KolmogorovSmirnovResult ks, SampleSummary sample, LayerDistribution expected, double alpha)
        {
            if (!(alpha > 0 && alpha < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The significance level must be between 0 and 1.");
            }

            return new InitFitResult(expected, ks, sample, alpha);
        }
    }

    /// <summary>The outcome of <see cref="InitFitTest"/>.</summary>
    public sealed class InitFitResult
    {
        internal InitFitResult(LayerDistribution expected, KolmogorovSmirnovResult ks, SampleSummary sample, double alpha)
        {
            Expected = expected;
            Scheme = expected.Bounds.Scheme;
            Distribution = expected.Kind;
            Fan = expected.Bounds.Fan;
            Gain = expected.Bounds.Gain;
            Count = sample.Count;
            Statistic = ks.Statistic;
            PValue = ks.PValue;
            Alpha = alpha;
            ExpectedMean = expected.Mean;
            SampleMean = sample.Mean;
            ExpectedStd = expected.StdDev;
            SampleStd = sample.StdDev;
            ExpectedExcessKurtosis = expected.ExcessKurtosis;
            SampleExcessKurtosis = sample.ExcessKurtosis;
            Passed = ks.PValue >= alpha;
        }

        /// <summary>The distribution tested against.</summary>
        public LayerDistribution Expected { get; }

        /// <summary>The scheme tested against.</summary>
        public InitScheme Scheme { get; }

        /// <summary>The distribution family tested against.</summary>
        public DistributionKind Distribution { get; }

        /// <summary>The fan n in Var = gain²/n.</summary>
        public double Fan { get; }

        /// <summary>The gain.</summary>
        public double Gain { get; }

        /// <summary>Sample size.</summary>
        public long Count { get; }

        /// <summary>Kolmogorov–Smirnov statistic D = sup |F̂(x) − F(x)|.</summary>
        public double Statistic { get; }

        /// <summary>P(D ≥ observed) if the weights follow the distribution.</summary>
        public double PValue { get; }

        /// <summary>The significance level.</summary>
        public double Alpha { get; }

        /// <summary>E[w].</summary>
        public double ExpectedMean { get; }

        /// <summary>The sample mean.</summary>
        public double SampleMean { get; }

        /// <summary>The distribution's std.</summary>
        public double ExpectedStd { get; }

        /// <summary>The sample std.</summary>
        public double SampleStd { get; }

        /// <summary>The distribution's excess kurtosis.</summary>
        public double ExpectedExcessKurtosis { get; }

        /// <summary>The sample's excess kurtosis.</summary>
        public double SampleExcessKurtosis { get; }

        /// <summary>True when the KS test does not reject at <see cref="Alpha"/>.</summary>
        public bool Passed { get; }
    }
}
