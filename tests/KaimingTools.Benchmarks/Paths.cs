using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Sampling.Simd;

namespace KaimingTools.Benchmarks
{
    /// <summary>
    /// The `paths` mode: one thread, each forced path (scalar, Vector256, Vector512) × kind × element type,
    /// fastest of several runs (the least disturbed by other load), in million elements per second; an optional
    /// third argument (a kind, e.g. TruncatedNormal) limits the run to that kind.
    /// </summary>
    internal static class Paths
    {
        internal static void Run(int runs, string? only = null)
        {
            const int Length = 1 << 22;
            var singles = new float[Length];
            var doubles = new double[Length];
            Console.WriteLine("path\tkind\tfloat32 M/s\tfloat64 M/s");
            foreach (SamplerPath path in new[] { SamplerPath.Scalar, SamplerPath.Vector256, SamplerPath.Vector512 })
            {
                if (!VectorSampler.IsSupported(path))
                {
                    continue;
                }

                foreach (DistributionKind kind in new[] { DistributionKind.Uniform, DistributionKind.Normal, DistributionKind.TruncatedNormal })
                {
                    if (only is not null && !string.Equals(only, kind.ToString(), StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    double f = Fastest(runs, () => CounterSampler.Fill(singles, kind, 1.0, 42, 0, 1, path, CancellationToken.None, null));
                    double d = Fastest(runs, () => CounterSampler.Fill(doubles, kind, 1.0, 42, 0, 1, path, CancellationToken.None, null));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}\t{kind}\t{Length / f / 1e6:F0}\t{Length / d / 1e6:F0}"));
                }
            }
        }

        private static double Fastest(int runs, Action action)
        {
            action();
            double best = double.MaxValue;
            for (int i = 0; i < runs; i++)
            {
                long start = Stopwatch.GetTimestamp();
                action();
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
            }

            return best;
        }
    }
}
