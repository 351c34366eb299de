using System;
using KaimingTools.Distributions;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Kernels256 = KaimingTools.Sampling.Simd.VectorKernels<KaimingTools.Sampling.Simd.Width256,
    KaimingTools.Sampling.Simd.Lanes256<float>, KaimingTools.Sampling.Simd.Lanes256<double>,
    KaimingTools.Sampling.Simd.Lanes256<uint>, KaimingTools.Sampling.Simd.Lanes256<ulong>>;
using Kernels512 = KaimingTools.Sampling.Simd.VectorKernels<KaimingTools.Sampling.Simd.Width512,
    KaimingTools.Sampling.Simd.Lanes512<float>, KaimingTools.Sampling.Simd.Lanes512<double>,
    KaimingTools.Sampling.Simd.Lanes512<uint>, KaimingTools.Sampling.Simd.Lanes512<ulong>>;
#endif

namespace KaimingTools.Sampling.Simd
{
    /// <summary>
    /// Chooses a SIMD width and runs <c>VectorKernels</c> (net8.0 build) over the whole groups of
    /// blocks at the start of a block-aligned span; the caller finishes the rest with the scalar path.
    /// The netstandard2.0 build has no vector path: it writes nothing and everything stays scalar.
    /// </summary>
    internal static class VectorSampler
    {
        /// <summary>True when this process can run <paramref name="path"/>.</summary>
        internal static bool IsSupported(SamplerPath path) => path switch
        {
            SamplerPath.Auto or SamplerPath.Scalar => true,
#if NET8_0_OR_GREATER
            SamplerPath.Vector256 => Width256.IsSupported,
            SamplerPath.Vector512 => Width512.IsSupported,
#endif
            _ => false,
        };

        /// <summary>The path <see cref="SamplerPath.Auto"/> stands for on this CPU; other paths unchanged.</summary>
        internal static SamplerPath Resolve(SamplerPath path)
        {
            if (path != SamplerPath.Auto)
            {
                return path;
            }
#if NET8_0_OR_GREATER
            // 512-bit lanes only where the runtime says they pay (it turns them down on CPUs that throttle),
            // and with AVX-512DQ so the long↔double conversions are single instructions.
            if (Width512.IsSupported && Avx512DQ.IsSupported && Vector512.IsHardwareAccelerated)
            {
                return SamplerPath.Vector512;
            }

            if (Width256.IsSupported)
            {
                return SamplerPath.Vector256;
            }
#endif
            return SamplerPath.Scalar;
        }

        /// <summary>
        /// Writes as many whole vector groups of float32 samples as fit, starting at block
        /// <paramref name="firstBlock"/> (destination[0] is element 4·firstBlock); returns how many elements.
        /// </summary>
        internal static int Fill(Span<float> destination, DistributionKind kind, float scale, ulong seed, long firstBlock, SamplerPath path) =>
            Resolve(path) switch
            {
#if NET8_0_OR_GREATER
                SamplerPath.Vector512 => Kernels512.Fill(destination, kind, scale, seed, firstBlock),
                SamplerPath.Vector256 => Kernels256.Fill(destination, kind, scale, seed, firstBlock),
#endif
                _ => 0,
            };

        /// <summary>
        /// A vector float32 transform alone on <paramref name="path"/> (tests): Philox words in (whole vector groups),
        /// standard samples of <paramref name="kind"/> out; returns how many lanes the fast path left to the rare-lane
        /// evaluation (0 on the scalar path, which does nothing).
        /// </summary>
        internal static int TransformWords(Span<float> buffer, DistributionKind kind, SamplerPath path) =>
            Resolve(path) switch
            {
#if NET8_0_OR_GREATER
                SamplerPath.Vector512 => Kernels512.TransformWords(buffer, kind),
                SamplerPath.Vector256 => Kernels256.TransformWords(buffer, kind),
#endif
                _ => 0,
            };

        /// <inheritdoc cref="Fill(Span{float}, DistributionKind, float, ulong, long, SamplerPath)"/>
        internal static int Fill(Span<double> destination, DistributionKind kind, double scale, ulong seed, long firstBlock, SamplerPath path) =>
            Resolve(path) switch
            {
#if NET8_0_OR_GREATER
                SamplerPath.Vector512 => Kernels512.Fill(destination, kind, scale, seed, firstBlock),
                SamplerPath.Vector256 => Kernels256.Fill(destination, kind, scale, seed, firstBlock),
#endif
                _ => 0,
            };
    }
}
