using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
#if NET8_0_OR_GREATER
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Statistics;
using KaimingTools.Tensors;

namespace KaimingTools.Simulation
{
    /// <summary>
    /// Pushes a batch of Gaussian inputs forward through a <see cref="SimulatedNetwork"/> and a random
    /// gradient back, and records per layer Var[y_l] (forward) and Var[Δx_l] (backward) — the quantities
    /// whose products He et al. 2015 derive in eqs. 10 and 14. Used to check numerically that Kaiming fan_in
    /// keeps the forward signal, fan_out keeps the gradient, Xavier halves a ReLU net's signal per layer
    /// (2^−L overall) and a fixed std of 0.01 makes it vanish.
    /// </summary>
    /// <remarks>
    /// <para>Deterministic: the result depends only on (network, weights, seed, batch size). Inputs x_0, the
    /// weights of each layer l and the upstream gradient ∂E/∂x_L come from <see cref="CounterSampler"/>
    /// (float64 stream) under separate seeds derived from <c>seed</c> (stream 1 = weights, keyed by l;
    /// 2 = inputs; 3 = gradient), so changing the depth does not change the earlier layers' weights. Sums
    /// run in a fixed order whatever the thread count. For ReLU, leaky ReLU and linear nets only +, × and
    /// comparisons are used, so results are bit-identical everywhere; tanh, sigmoid and SELU use the
    /// platform's Math.Tanh/Math.Exp.</para>
    /// <para>Memory: the weights (Σ d_l·d_{l−1} doubles) and the pre-activations (batch × Σ d_l doubles),
    /// checked before anything is allocated.</para>
    /// </remarks>
    public static class SignalPropagation
    {
        /// <summary>The default number of inputs pushed through together.</summary>
        public const int DefaultBatchSize = 256;

        /// <summary>The largest batch accepted.</summary>
        public const int MaxBatchSize = 1 << 16;

        private const ulong WeightStream = 1, InputStream = 2, GradientStream = 3;

        /// <summary>Simulates one network with weights from one source.</summary>
        /// <param name="network">The layers' widths and nonlinearity.</param>
        /// <param name="weights">Where every layer's weights come from.</param>
        /// <param name="seed">Seeds inputs, weights and gradient.</param>
        /// <param name="batchSize">Inputs per run (1 to <see cref="MaxBatchSize"/>); more gives smoother variances.</param>
        /// <param name="cancellationToken">Checked before each layer and between rows of the batch.</param>
        /// <exception cref="ArgumentNullException"><paramref name="network"/> or <paramref name="weights"/> is null.</exception>
        /// <exception cref="InitArgumentException">Batch size out of range (<c>InvalidBatchSize</c>), or more memory
        /// than is available (<c>TensorTooLarge</c>).</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public static SignalPropagationResult Run(
            SimulatedNetwork network,
            WeightSource weights,
            ulong seed,
            int batchSize = DefaultBatchSize,
            CancellationToken cancellationToken = default)
        {
            if (network is null)
            {
                throw new ArgumentNullException(nameof(network));
            }

            if (weights is null)
            {
                throw new ArgumentNullException(nameof(weights));
            }

            if (batchSize < 1 || batchSize > MaxBatchSize)
            {
                throw new InitArgumentException("InvalidBatchSize", "BatchSize", $"BatchSize must be between 1 and {MaxBatchSize}; got {batchSize}.");
            }

            IReadOnlyList<int> d = network.Widths;
            int depth = network.Depth;
            long stored = 0;
            for (int l = 0; l <= depth; l++)
            {
                stored += ((long)batchSize * d[l]) + (l > 0 ? (long)d[l] * d[l - 1] : 0);
            }

            MemoryLimits.EnsureCanAllocate(stored + (2L * batchSize * MaxOf(d)), TensorElementType.Double);

            var options = new ParallelOptions { CancellationToken = cancellationToken };
            Nonlinearity f = network.Nonlinearity;
            double slope = network.NegativeSlope ?? 0;

            // Forward: y_l = W_l x_{l-1}, x_l = f(y_l) (He et al. 2015, eq. 5 without biases).
            var x = new double[batchSize * d[0]];
            CounterSampler.Fill(x.AsSpan(), DistributionKind.Normal, 1.0, StreamSeed(seed, InputStream, 0));
            var pre = new double[depth][];
            var weightsOf = new double[depth][];
            var activationVariance = new double[depth];
            for (int l = 1; l <= depth; l++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int nIn = d[l - 1], nOut = d[l];
                double[] w = weightsOf[l - 1] = LayerWeights(weights, network, l, seed, options);
                var y = new double[batchSize * nOut];
                double[] input = x;
                Parallel.For(0, batchSize, options, b =>
                {
                    for (int j = 0; j < nOut; j++)
                    {
                        y[(b * nOut) + j] = Dot(input, b * nIn, w, j * nIn, nIn);
                    }
                });

                pre[l - 1] = y;
                activationVariance[l - 1] = SampleSummary.Of(y).Variance;
                x = new double[y.Length];
                for (int k = 0; k < y.Length; k++)
                {
                    x[k] = Activation.Apply(f, slope, y[k]);
                }
            }

            // Backward: Δy_l = f'(y_l) ⊙ Δx_l, Δx_{l-1} = W_lᵀ Δy_l (eq. 11), from Δx_L ~ N(0, 1).
            var g = new double[batchSize * d[depth]];
            CounterSampler.Fill(g.AsSpan(), DistributionKind.Normal, 1.0, StreamSeed(seed, GradientStream, 0));
            var gradientVariance = new double[depth];
            for (int l = depth; l >= 1; l--)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int nIn = d[l - 1], nOut = d[l];
                double[] w = weightsOf[l - 1];
                double[] y = pre[l - 1];
                double[] upstream = g;
                var gx = new double[batchSize * nIn];
                Parallel.For(0, batchSize, options, b =>
                {
                    for (int j = 0; j < nOut; j++)
                    {
                        double gy = upstream[(b * nOut) + j] * Activation.Derivative(f, slope, y[(b * nOut) + j]);
                        if (gy != 0)
                        {
                            Axpy(gy, w, j * nIn, gx, b * nIn, nIn);
                        }
                    }
                });

                gradientVariance[l - 1] = SampleSummary.Of(gx).Variance;
                pre[l - 1] = weightsOf[l - 1] = Array.Empty<double>(); // no longer needed
                g = gx;
            }

            var layers = new LayerSignal[depth];
            for (int l = 1; l <= depth; l++)
            {
                Fans fans = network.FansOf(l);
                layers[l - 1] = new LayerSignal(l, weights.Label, fans, weights.Variance(fans), activationVariance[l - 1], gradientVariance[l - 1]);
            }

            return new SignalPropagationResult(network, weights, seed, batchSize, layers);
        }

        /// <summary>
        /// Simulates the same network (same seed, so the same inputs and gradient) once per weight source,
        /// and returns the results in that order.
        /// </summary>
        /// <inheritdoc cref="Run(SimulatedNetwork, WeightSource, ulong, int, CancellationToken)"/>
        public static IReadOnlyList<SignalPropagationResult> Compare(
            SimulatedNetwork network,
            IEnumerable<WeightSource> weights,
            ulong seed,
            int batchSize = DefaultBatchSize,
            CancellationToken cancellationToken = default)
        {
            var results = new List<SignalPropagationResult>();
            foreach (WeightSource source in weights ?? throw new ArgumentNullException(nameof(weights)))
            {
                results.Add(Run(network, source, seed, batchSize, cancellationToken));
            }

            return results;
        }

        /// <summary>W_l in Torch layout (d_l rows of d_{l−1}), from the weight stream keyed by l.</summary>
        private static double[] LayerWeights(WeightSource weights, SimulatedNetwork network, int layer, ulong seed, ParallelOptions options)
        {
            Fans fans = network.FansOf(layer);
            (DistributionKind kind, double scale) = weights.SamplerArguments(fans);
            var w = new double[checked((int)(fans.FanIn * fans.FanOut))];
            ulong layerSeed = StreamSeed(seed, WeightStream, (ulong)layer);

            // Sampling dominates the run time; element i depends only on (seed, i), so chunks fill in parallel
            // and the result is the same as one sequential fill.
            const int Chunk = 1 << 14;
            Parallel.For(0, (w.Length + Chunk - 1) / Chunk, options, c =>
            {
                int start = c * Chunk;
                CounterSampler.Fill(w.AsSpan(start, Math.Min(Chunk, w.Length - start)), kind, scale, layerSeed, start);
            });
            return w;
        }

        /// <summary>
        /// An independent seed per (stream, index): SplitMix64's finaliser (Steele, Lea &amp; Flood 2014) of
        /// the seed offset by the stream and index, so nearby seeds give unrelated Philox keys.
        /// </summary>
        internal static ulong StreamSeed(ulong seed, ulong stream, ulong index)
        {
            unchecked
            {
                ulong z = seed + (0x9E3779B97F4A7C15UL * ((stream << 32) + index + 1));
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }

        // Four independent accumulators in a fixed order: lane i of the 256-bit vector accumulates exactly
        // what the scalar s_i does (separate multiply and add, no fused multiply-add), so the net8.0 fast path
        // and the netstandard2.0 scalar path give the same bits.
        private static double Dot(double[] a, int aStart, double[] b, int bStart, int n)
        {
            int k = 0;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
#if NET8_0_OR_GREATER
            if (Vector256.IsHardwareAccelerated && n >= 4)
            {
                ref double ra = ref MemoryMarshal.GetArrayDataReference(a);
                ref double rb = ref MemoryMarshal.GetArrayDataReference(b);
                Vector256<double> acc = Vector256<double>.Zero;
                if (aStart + n > a.Length || bStart + n > b.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(n));
                }

                for (; k + 4 <= n; k += 4)
                {
                    Vector256<double> va = Vector256.LoadUnsafe(ref ra, (nuint)(aStart + k));
                    Vector256<double> vb = Vector256.LoadUnsafe(ref rb, (nuint)(bStart + k));
                    acc = Vector256.Add(acc, Vector256.Multiply(va, vb));
                }

                s0 = acc.GetElement(0);
                s1 = acc.GetElement(1);
                s2 = acc.GetElement(2);
                s3 = acc.GetElement(3);
            }
#endif
            for (; k + 4 <= n; k += 4)
            {
                s0 += a[aStart + k] * b[bStart + k];
                s1 += a[aStart + k + 1] * b[bStart + k + 1];
                s2 += a[aStart + k + 2] * b[bStart + k + 2];
                s3 += a[aStart + k + 3] * b[bStart + k + 3];
            }

            for (; k < n; k++)
            {
                s0 += a[aStart + k] * b[bStart + k];
            }

            return (s0 + s1) + (s2 + s3);
        }

        // y += α·x elementwise; each element is one multiply and one add in either path.
        private static void Axpy(double alpha, double[] x, int xStart, double[] y, int yStart, int n)
        {
            int k = 0;
#if NET8_0_OR_GREATER
            if (Vector256.IsHardwareAccelerated)
            {
                if (xStart + n > x.Length || yStart + n > y.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(n));
                }

                ref double rx = ref MemoryMarshal.GetArrayDataReference(x);
                ref double ry = ref MemoryMarshal.GetArrayDataReference(y);
                Vector256<double> va = Vector256.Create(alpha);
                for (; k + 4 <= n; k += 4)
                {
                    Vector256<double> sum = Vector256.Add(Vector256.LoadUnsafe(ref ry, (nuint)(yStart + k)), Vector256.Multiply(va, Vector256.LoadUnsafe(ref rx, (nuint)(xStart + k))));
                    sum.StoreUnsafe(ref ry, (nuint)(yStart + k));
                }
            }
#endif
            for (; k < n; k++)
            {
                y[yStart + k] += alpha * x[xStart + k];
            }
        }

        private static int MaxOf(IReadOnlyList<int> values)
        {
            int max = 0;
            foreach (int v in values)
            {
                max = Math.Max(max, v);
            }

            return max;
        }
    }
}
