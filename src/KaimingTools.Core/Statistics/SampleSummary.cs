using System;

namespace KaimingTools.Statistics
{
    /// <summary>Moments and range of a sample (one numerically stable pass in double precision).</summary>
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
            var moments = new Moments();
            foreach (float v in values)
            {
                moments.Add(v);
            }

            return moments.ToSummary();
        }

        /// <summary>Summarises double values.</summary>
        /// <exception cref="ArgumentException">Empty sample.</exception>
        public static SampleSummary Of(ReadOnlySpan<double> values)
        {
            var moments = new Moments();
            foreach (double v in values)
            {
                moments.Add(v);
            }

            return moments.ToSummary();
        }

        /// <summary>
        /// One-pass central moments up to the fourth (Welford's update extended by Terriberry, as in
        /// Pébay 2008, eq. 2.1–2.3): numerically stable without a second pass over the data.
        /// </summary>
        private struct Moments
        {
            private long _n;
            private double _mean, _m2, _m3, _m4, _min, _max;

            public void Add(double x)
            {
                if (_n == 0)
                {
                    _min = _max = x;
                }

                long n1 = _n++;
                double delta = x - _mean;
                double deltaN = delta / _n;
                double deltaN2 = deltaN * deltaN;
                double term1 = delta * deltaN * n1;
                _mean += deltaN;
                _m4 += term1 * deltaN2 * (((double)_n * _n) - (3.0 * _n) + 3) + (6 * deltaN2 * _m2) - (4 * deltaN * _m3);
                _m3 += (term1 * deltaN * (_n - 2)) - (3 * deltaN * _m2);
                _m2 += term1;
                _min = Math.Min(_min, x);
                _max = Math.Max(_max, x);
            }

            public readonly SampleSummary ToSummary()
            {
                RequireNonEmpty(_n);
                return Create(_n, _mean, _m2, _m4, _min, _max);
            }
        }

        private static void RequireNonEmpty(long length)
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
