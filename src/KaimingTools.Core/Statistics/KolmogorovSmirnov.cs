using System;
using KaimingTools.Distributions;

namespace KaimingTools.Statistics
{
    /// <summary>
    /// One-sample two-sided Kolmogorov–Smirnov test of a sample against a fully specified continuous distribution.
    /// </summary>
    /// <remarks>
    /// <para>D = max(D⁺, D⁻), D⁺ = maxᵢ(i/n − F(x₍ᵢ₎)), D⁻ = maxᵢ(F(x₍ᵢ₎) − (i−1)/n), over the sorted sample.</para>
    /// <para>The p-value P(Dₙ ≥ D) is computed as follows (see <see cref="PValue"/>):</para>
    /// <list type="bullet">
    /// <item>D ≤ 1/(2n): 1; D ≥ 1: 0.</item>
    /// <item>n ≤ 1000 and D ≥ ½ or nD² &gt; 4: 2·P(Dₙ⁺ ≥ D) with the exact one-sided Smirnov (Birnbaum–Tingey 1951)
    /// sum. Exact for D ≥ ½; otherwise the neglected P(D⁺ ≥ D, D⁻ ≥ D) is below ≈ e^{−6nD²} relative (&lt; 4e−11),
    /// and the result keeps full relative accuracy however small the p-value is.</item>
    /// <item>other n ≤ 1000: 1 − K(n, D) with Marsaglia, Tsang &amp; Wang (2003, J. Stat. Softw. 8(18)) exact
    /// matrix-power evaluation of Kolmogorov's distribution (about 13 correct digits of K; matrix order ≤ 127).</item>
    /// <item>n &gt; 1000: Kolmogorov's limiting distribution at Stephens' (1970) modified statistic
    /// λ = (√n + 0.12 + 0.11/√n)·D, Q(λ) = 2Σ(−1)^{j−1}e^{−2j²λ²} (a few units in the third digit).</item>
    /// </list>
    /// <para>This matches scipy.stats.kstest(method="exact") for n ≤ 1000.</para>
    /// </remarks>
    public static class KolmogorovSmirnov
    {
        /// <summary>Largest n for which the exact p-value is computed.</summary>
        public const int ExactLimit = 1000;

        /// <summary>Tests <paramref name="sample"/> against <paramref name="distribution"/>.</summary>
        /// <param name="sample">n ≥ 1 values, no NaN (±∞ are allowed); not modified (a sorted copy is used).</param>
        /// <param name="distribution">The hypothesised distribution; its CDF is evaluated once per value.</param>
        /// <returns>D, its p-value and n.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="sample"/> is empty or contains NaN.</exception>
        public static KolmogorovSmirnovResult Test(ReadOnlySpan<double> sample, IContinuousDistribution distribution)
        {
            if (distribution is null)
            {
                throw new ArgumentNullException(nameof(distribution));
            }

            if (sample.IsEmpty)
            {
                throw new ArgumentException("The sample must contain at least one value.", nameof(sample));
            }

            double[] sorted = sample.ToArray();
            return TestSorted(sorted, distribution);
        }

        /// <summary>Tests a single-precision <paramref name="sample"/> (widened exactly to double) against <paramref name="distribution"/>.</summary>
        /// <param name="sample">n ≥ 1 values, no NaN; not modified.</param>
        /// <param name="distribution">The hypothesised distribution.</param>
        /// <returns>D, its p-value and n.</returns>
        /// <exception cref="ArgumentNullException"><paramref name="distribution"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="sample"/> is empty or contains NaN.</exception>
        public static KolmogorovSmirnovResult Test(ReadOnlySpan<float> sample, IContinuousDistribution distribution)
        {
            if (distribution is null)
            {
                throw new ArgumentNullException(nameof(distribution));
            }

            if (sample.IsEmpty)
            {
                throw new ArgumentException("The sample must contain at least one value.", nameof(sample));
            }

            double[] sorted = new double[sample.Length];
            for (int i = 0; i < sorted.Length; i++)
            {
                sorted[i] = sample[i];
            }

            return TestSorted(sorted, distribution);
        }

        /// <summary>Two-sided p-value P(Dₙ ≥ <paramref name="statistic"/>) for a continuous null distribution.</summary>
        /// <param name="statistic">D in [0, 1] (values above 1 give 0).</param>
        /// <param name="count">n ≥ 1.</param>
        /// <returns>The p-value in [0, 1]; method as described on <see cref="KolmogorovSmirnov"/>.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> &lt; 1 or <paramref name="statistic"/> is NaN or negative.</exception>
        public static double PValue(double statistic, int count)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "The sample size must be at least 1.");
            }

            if (!(statistic >= 0.0))
            {
                throw new ArgumentOutOfRangeException(nameof(statistic), statistic, "The statistic must be a non-negative number.");
            }

            int n = count;
            double d = statistic;
            if (d >= 1.0)
            {
                return 0.0;
            }

            if (d <= 0.5 / n)
            {
                return 1.0;
            }

            double p;
            if (n > ExactLimit)
            {
                p = AsymptoticPValue(n, d);
            }
            else if (d >= 0.5 || n * d * d > 4.0)
            {
                p = 2.0 * SmirnovUpperTail(n, d);
            }
            else
            {
                p = 1.0 - KolmogorovCdf(n, d);
            }

            return p < 0.0 ? 0.0 : p > 1.0 ? 1.0 : p;
        }

        /// <summary>The test on <paramref name="values"/>, which it sorts in place (cheap when already sorted, as when one sample is tested against many candidates).</summary>
        internal static KolmogorovSmirnovResult TestSorted(double[] values, IContinuousDistribution distribution)
        {
            foreach (double v in values)
            {
                if (double.IsNaN(v))
                {
                    throw new ArgumentException("The sample contains NaN.", "sample");
                }
            }

            Array.Sort(values);
            int n = values.Length;
            double d = 0.0;
            for (int i = 0; i < n; i++)
            {
                double f = distribution.CumulativeDistribution(values[i]);
                double plus = ((double)(i + 1) / n) - f;
                double minus = f - ((double)i / n);
                if (plus > d)
                {
                    d = plus;
                }

                if (minus > d)
                {
                    d = minus;
                }
            }

            return new KolmogorovSmirnovResult(d, PValue(d, n), n);
        }

        /// <summary>
        /// Exact one-sided P(Dₙ⁺ ≥ d) = d·Σ_{j=0}^{⌊n(1−d)⌋} C(n, j)(1 − d − j/n)^{n−j}(d + j/n)^{j−1} (Birnbaum &amp; Tingey 1951),
        /// summed in logarithms so no term overflows.
        /// </summary>
        internal static double SmirnovUpperTail(int n, double d)
        {
            int last = (int)Math.Floor(n * (1.0 - d));
            double logD = Math.Log(d);
            double logBinomial = 0.0; // ln C(n, 0)
            double sum = 0.0;
            for (int j = 0; j <= last; j++)
            {
                if (j > 0)
                {
                    logBinomial += Math.Log((double)(n - j + 1) / j);
                }

                double left = 1.0 - d - ((double)j / n);
                if (left <= 0.0)
                {
                    break;
                }

                double logTerm = logBinomial + ((n - j) * Math.Log(left)) + ((j - 1) * Math.Log(d + ((double)j / n)));
                sum += Math.Exp(logTerm + logD);
            }

            return sum;
        }

        /// <summary>
        /// K(n, d) = P(Dₙ &lt; d) by Marsaglia, Tsang &amp; Wang (2003): with k = ⌊nd⌋ + 1, m = 2k − 1, h = k − nd,
        /// K = n!/nⁿ·(Hⁿ)_{k,k} for the m×m matrix H below. Powers are rescaled by 2^±465 to stay in range.
        /// </summary>
        internal static double KolmogorovCdf(int n, double d)
        {
            double nd = n * d;
            int k = (int)nd + 1;
            int m = (2 * k) - 1;
            double h = k - nd;
            double[] hm = new double[m * m];
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    hm[(i * m) + j] = i - j + 1 >= 0 ? 1.0 : 0.0;
                }
            }

            for (int i = 0; i < m; i++)
            {
                hm[i * m] -= Math.Pow(h, i + 1);
                hm[((m - 1) * m) + i] -= Math.Pow(h, m - i);
            }

            if ((2.0 * h) - 1.0 > 0.0)
            {
                hm[(m - 1) * m] += Math.Pow((2.0 * h) - 1.0, m);
            }

            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    for (int g = 1; g <= i - j + 1; g++)
                    {
                        hm[(i * m) + j] /= g;
                    }
                }
            }

            double[] q = MatrixPower(hm, m, n, k, out int exponent);
            double s = q[((k - 1) * m) + k - 1];
            for (int i = 1; i <= n; i++)
            {
                s = s * i / n;
                if (s < 1e-140)
                {
                    s *= Scale;
                    exponent -= ScaleExponent;
                }
            }

            return s * Math.Pow(2.0, exponent);
        }

        private const int ScaleExponent = 465; // 2^465 ≈ 1e140, the paper's rescaling threshold, but exact
        private static readonly double Scale = Math.Pow(2.0, ScaleExponent);

        /// <summary>aⁿ with a binary exponent tracked separately (result = returned matrix · 2^exponent).</summary>
        private static double[] MatrixPower(double[] a, int m, int n, int k, out int exponent)
        {
            if (n == 1)
            {
                exponent = 0;
                return (double[])a.Clone();
            }

            double[] half = MatrixPower(a, m, n / 2, k, out int halfExponent);
            double[] result = Multiply(half, half, m);
            exponent = 2 * halfExponent;
            if (n % 2 == 1)
            {
                result = Multiply(a, result, m);
            }

            if (result[((k - 1) * m) + k - 1] > 1e140)
            {
                for (int i = 0; i < result.Length; i++)
                {
                    result[i] /= Scale;
                }

                exponent += ScaleExponent;
            }

            return result;
        }

        private static double[] Multiply(double[] x, double[] y, int m)
        {
            double[] z = new double[m * m];
            for (int i = 0; i < m; i++)
            {
                for (int l = 0; l < m; l++)
                {
                    double xil = x[(i * m) + l];
                    if (xil == 0.0)
                    {
                        continue;
                    }

                    for (int j = 0; j < m; j++)
                    {
                        z[(i * m) + j] += xil * y[(l * m) + j];
                    }
                }
            }

            return z;
        }

        /// <summary>Kolmogorov's limit Q(λ) = P(K &gt; λ) at Stephens' λ = (√n + 0.12 + 0.11/√n)·d.</summary>
        internal static double AsymptoticPValue(int n, double d)
        {
            double rootN = Math.Sqrt(n);
            double lambda = (rootN + 0.12 + (0.11 / rootN)) * d;
            return KolmogorovComplement(lambda);
        }

        /// <summary>Q(λ) = 2Σ_{j≥1}(−1)^{j−1}e^{−2j²λ²}; for λ &lt; 1 the Jacobi form 1 − (√(2π)/λ)Σe^{−(2j−1)²π²/(8λ²)}.</summary>
        internal static double KolmogorovComplement(double lambda)
        {
            if (lambda <= 0.0)
            {
                return 1.0;
            }

            if (lambda < 1.0)
            {
                double sum = 0.0;
                double w = -Math.PI * Math.PI / (8.0 * lambda * lambda);
                for (int j = 1; j <= 20; j++)
                {
                    double odd = (2 * j) - 1;
                    sum += Math.Exp(odd * odd * w);
                }

                return 1.0 - (Math.Sqrt(2.0 * Math.PI) / lambda * sum);
            }

            double total = 0.0;
            double sign = 1.0;
            for (int j = 1; j <= 100; j++)
            {
                double term = Math.Exp(-2.0 * j * j * lambda * lambda);
                total += sign * term;
                if (term < 1e-20 * total)
                {
                    break;
                }

                sign = -sign;
            }

            return 2.0 * total;
        }
    }
}
