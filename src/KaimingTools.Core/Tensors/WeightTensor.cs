using System;
using System.Collections.Generic;
using KaimingTools.Statistics;

namespace KaimingTools.Tensors
{
    /// <summary>
    /// A dense, C-ordered weight tensor with where it came from (scheme, distribution, fans, gain, seed,
    /// stream version). It deliberately does not enumerate its elements, so PowerShell never unrolls
    /// millions of numbers into the pipeline: the numbers are in <see cref="Data"/>.
    /// </summary>
    public sealed class WeightTensor
    {
        private readonly long[] _shape;
        private SampleSummary? _summary;

        /// <summary>Wraps existing data (float[] or double[]) of the given shape.</summary>
        /// <exception cref="ArgumentException">Data is not float[]/double[], or its length is not the shape's element count.</exception>
        public WeightTensor(Array data, IReadOnlyList<long> shape, TensorLayout layout = TensorLayout.Torch, int groups = 1, InitBounds? init = null, ulong? seed = null, int? streamVersion = null)
        {
            Data = data ?? throw new ArgumentNullException(nameof(data));
            ElementType = data switch
            {
                float[] => TensorElementType.Single,
                double[] => TensorElementType.Double,
                _ => throw new ArgumentException("Data must be a float[] or a double[].", nameof(data)),
            };
            _shape = new long[shape.Count];
            for (int i = 0; i < _shape.Length; i++)
            {
                _shape[i] = shape[i];
            }

            long count = 1;
            foreach (long d in _shape)
            {
                count *= d;
            }

            if (count != data.LongLength)
            {
                throw new ArgumentException($"The shape {Fans.FormatShape(_shape)} holds {count} elements but the data has {data.LongLength}.", nameof(data));
            }

            Layout = layout;
            Groups = groups;
            Init = init;
            Seed = seed;
            StreamVersion = streamVersion;
        }

        /// <summary>An optional name (the tensor's key in a .safetensors file).</summary>
        public string? Name { get; set; }

        /// <summary>The dimensions, outermost first.</summary>
        public IReadOnlyList<long> Shape => _shape;

        /// <summary>How the dimensions are ordered.</summary>
        public TensorLayout Layout { get; }

        /// <summary>Convolution groups the fans were computed with.</summary>
        public int Groups { get; }

        /// <summary>float32 or float64.</summary>
        public TensorElementType ElementType { get; }

        /// <summary>Number of elements.</summary>
        public long Count => Data.LongLength;

        /// <summary>The elements in C order: a <c>float[]</c> or a <c>double[]</c>.</summary>
        public Array Data { get; }

        /// <summary>The initialiser's numbers (scheme, distribution, fans, gain, std, bound); null if unknown.</summary>
        public InitBounds? Init { get; }

        /// <summary>How a structured initialiser (orthogonal, dirac, sparse, …) made it, e.g. "Orthogonal, gain 1"; null otherwise.</summary>
        public string? Structure { get; set; }

        /// <summary>The seed the tensor was generated with; null if unknown.</summary>
        public ulong? Seed { get; }

        /// <summary>The <see cref="Sampling.CounterSampler.StreamVersion"/> it was generated with; null if unknown.</summary>
        public int? StreamVersion { get; }

        /// <summary>Sample mean, std, min, max and excess kurtosis, computed once on first use.</summary>
        public SampleSummary Summary => _summary ??= Data is float[] f ? SampleSummary.Of(f) : SampleSummary.Of((double[])Data);

        /// <summary>The elements as doubles (a copy for float32 data).</summary>
        public double[] ToDoubleArray()
        {
            if (Data is double[] d)
            {
                return (double[])d.Clone();
            }

            var f = (float[])Data;
            var result = new double[f.Length];
            for (int i = 0; i < f.Length; i++)
            {
                result[i] = f[i];
            }

            return result;
        }

        /// <inheritdoc/>
        public override string ToString()
        {
            string what = Init is null ? "weights" : $"{Init.Scheme} {Init.Distribution}";
            return $"{Name ?? "WeightTensor"} {Fans.FormatShape(_shape)} {ElementType} {what}";
        }
    }
}
