namespace KaimingTools.Sampling
{
    /// <summary>
    /// Which implementation <see cref="CounterSampler"/> runs. Every path gives the same bits; tests force
    /// each one to prove it, and benchmarks force them to compare.
    /// </summary>
    internal enum SamplerPath
    {
        /// <summary>The widest vector path the CPU accelerates, else scalar.</summary>
        Auto,

        /// <summary>The scalar reference that defines the stream.</summary>
        Scalar,

        /// <summary>Vector256 lanes (AVX2).</summary>
        Vector256,

        /// <summary>Vector512 lanes (AVX-512F).</summary>
        Vector512,
    }
}
