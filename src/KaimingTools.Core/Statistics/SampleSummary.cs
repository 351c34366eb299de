using System;

namespace KaimingTools.Statistics
{
    /// <summary>Moments and range of a sample (two passes in double precision).</summary>
    public sealed class SampleSummary
    {
        private SampleSummary(long count, double mean, double variance, double excessKurtosis, double min, double max)
        {
            Count = count;
            Mean = mean;
            Variance = variance;
            StdDev = Math.Sqrt(variance);
            ExcessKurtosis = excessKurtosis;
            Min = min;
            Max = max;
        }

        /// <summary>Number of values.</summary>
        public long Count { get; }

        /// <summary>Sample mean.</summary>
        public double Mean { get; }

        /// <summary>Unbiased sample variance (divisor n − 1).</summary>
        public double Variance { get; }

        /// <summary>√<see cref="Variance"/>.</summary>
        public double StdDev { get; }

        /// <summary>m₄/m₂² − 3 with central moments mₖ = Σ(x − x̄)ᵏ/n.</summary>
        public double ExcessKurtosis { get; }

        /// <summary>Smallest value.</summary>
        public double Min { get; }

        /// <summary>Largest value.</summary>
        public double Max { get; }

        /// <summary>Summarises float values.</summary>
        /// <exception cref="ArgumentException">Empty sample.</exception>
        public static SampleSummary Of(ReadOnlySpan<float> values)
        {
            RequireNonEmpty(values.Length);
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (float v in values)
            {
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            double mean = sum / values.Length, m2 = 0, m4 = 0;
            foreach (float v in values)
            {
                double d = v - mean, d2 = d * d;
                m2 += d2;
                m4 += d2 * d2;
            }

            return Create(values.Length, mean, m2, m4, min, max);
        }

        /// <summary>Summarises double values.</summary>
        /// <exception cref="ArgumentException">Empty sample.</exception>
        public static SampleSummary Of(ReadOnlySpan<double> values)
        {
            RequireNonEmpty(values.Length);
            double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (double v in values)
            {
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            double mean = sum / values.Length, m2 = 0, m4 = 0;
            foreach (double v in values)
            {
                double d = v - mean, d2 = d * d;
                m2 += d2;
                m4 += d2 * d2;
            }

            return Create(values.Length, mean, m2, m4, min, max);
        }

        private static void RequireNonEmpty(int length)
        {
            if (length == 0)
            {
                throw new ArgumentException("A summary needs at least one value.", "values");
            }
        }

        private static SampleSummary Create(long n, double mean, double m2, double m4, double min, double max)
        {
            double variance = n > 1 ? m2 / (n - 1) : 0;
            double popM2 = m2 / n;
            double kurtosis = popM2 > 0 ? (m4 / n) / (popM2 * popM2) - 3 : double.NaN;
            return new SampleSummary(n, mean, variance, kurtosis, min, max);
        }
    }
}
