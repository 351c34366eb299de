using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Tasks;
using KaimingTools.Distributions;
using KaimingTools.Sampling;

namespace KaimingTools.Benchmarks
{
    /// <summary>
    /// The `compare` mode that compare.sh calls: plain Stopwatch medians on the same float32 4096² and
    /// 8192² buffers the Python side uses, one tab-separated line per measurement
    /// (<c>tool, operation, elements, threads, seconds</c>), so one script can table them all.
    /// </summary>
    internal static class Compare
    {
        internal static void Run(int runs)
        {
            int all = Environment.ProcessorCount;
            foreach (int side in new[] { 4096, 8192 })
            {
                var buffer = new float[side * side];
                double scaleFor(DistributionKind kind) => Initializer.Kaiming(kind).SamplerScale(new Fans(side, side));
                foreach (int threads in new[] { 1, all })
                {
                    foreach (DistributionKind kind in new[] { DistributionKind.Uniform, DistributionKind.Normal, DistributionKind.TruncatedNormal })
                    {
                        double scale = scaleFor(kind);
                        Report(Name(kind), buffer.Length, threads, Median(runs, () => CounterSampler.Fill(buffer, kind, scale, 42, 0, threads)));
                    }

                    Report("store", buffer.Length, threads, Median(runs, () => Store(buffer, threads)));
                }
            }
        }

        private static string Name(DistributionKind kind) => kind switch
        {
            DistributionKind.Uniform => "uniform",
            DistributionKind.Normal => "normal",
            _ => "trunc_normal",
        };

        /// <summary>The plain store loop: Span.Fill, split into equal parts when threads &gt; 1.</summary>
        private static void Store(float[] buffer, int threads)
        {
            if (threads == 1)
            {
                buffer.AsSpan().Fill(1f);
                return;
            }

            int part = (buffer.Length + threads - 1) / threads;
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                int start = t * part;
                buffer.AsSpan(start, Math.Min(part, buffer.Length - start)).Fill(1f);
            });
        }

        private static double Median(int runs, Action action)
        {
            action(); // warm-up: JIT tiers, page faults on first touch
            var times = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                long start = Stopwatch.GetTimestamp();
                action();
                times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }

            times.Sort();
            return times[times.Count / 2];
        }

        private static void Report(string operation, int elements, int threads, double seconds) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kaimingtools\t{operation}\t{elements}\t{threads}\t{seconds:R}"));
    }
}
