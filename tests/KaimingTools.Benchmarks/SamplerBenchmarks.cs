using BenchmarkDotNet.Attributes;
using KaimingTools.Distributions;
using KaimingTools.Sampling;

namespace KaimingTools.Benchmarks
{
    /// <summary>
    /// CounterSampler.Fill into a preallocated buffer (what PyTorch's in-place init functions do):
    /// every kind × float32/float64 × three sizes × one thread and all threads.
    /// </summary>
    [MemoryDiagnoser]
    public class SamplerBenchmarks
    {
        private float[] singles = [];
        private double[] doubles = [];

        [Params(262_144, 16_777_216, 67_108_864)]
        public int Length { get; set; }

        [Params(DistributionKind.Uniform, DistributionKind.Normal, DistributionKind.TruncatedNormal)]
        public DistributionKind Kind { get; set; }

        /// <summary>1, or 0 for all cores.</summary>
        [Params(1, 0)]
        public int Threads { get; set; }

        [GlobalSetup(Target = nameof(Float32))]
        public void SetupSingles() => singles = new float[Length];

        [GlobalSetup(Target = nameof(Float64))]
        public void SetupDoubles() => doubles = new double[Length];

        [Benchmark]
        public void Float32() => CounterSampler.Fill(singles, Kind, 0.02, 42, 0, Threads == 0 ? null : Threads);

        [Benchmark]
        public void Float64() => CounterSampler.Fill(doubles, Kind, 0.02, 42, 0, Threads == 0 ? null : Threads);
    }
}
