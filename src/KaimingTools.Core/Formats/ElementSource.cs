using System;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// The elements of a tensor in C order, handed out chunk by chunk. Writers read every tensor through
    /// this, whether it is in memory or generated on the fly, so a streamed file and an exported one are
    /// the same bytes by construction.
    /// </summary>
    internal abstract class ElementSource
    {
        protected ElementSource(long count, TensorElementType elementType)
        {
            Count = count;
            ElementType = elementType;
        }

        /// <summary>Number of elements.</summary>
        public long Count { get; }

        /// <summary>float32 or float64: the type <see cref="Fill(Span{float}, long)"/> or <see cref="Fill(Span{double}, long)"/> serves.</summary>
        public TensorElementType ElementType { get; }

        /// <summary>Elements <paramref name="first"/>… into a float32 destination (only for float32 sources).</summary>
        public abstract void Fill(Span<float> destination, long first);

        /// <summary>Elements <paramref name="first"/>… into a float64 destination (only for float64 sources).</summary>
        public abstract void Fill(Span<double> destination, long first);

        /// <summary>A source over a <see cref="WeightTensor"/>'s data.</summary>
        public static ElementSource Of(WeightTensor tensor) => new ArraySource(tensor.Data);

        /// <summary>A source that generates each chunk with <see cref="CounterSampler"/>.</summary>
        public static ElementSource Generated(long count, TensorElementType elementType, DistributionKind kind, double scale, ulong seed, int? maxDegreeOfParallelism = null) =>
            new GeneratedSource(count, elementType, kind, scale, seed, maxDegreeOfParallelism);

        private sealed class ArraySource : ElementSource
        {
            private readonly Array _data;

            public ArraySource(Array data)
                : base(data.LongLength, data is double[] ? TensorElementType.Double : TensorElementType.Single)
            {
                _data = data;
            }

            public override void Fill(Span<float> destination, long first) =>
                ((float[])_data).AsSpan(checked((int)first), destination.Length).CopyTo(destination);

            public override void Fill(Span<double> destination, long first) =>
                ((double[])_data).AsSpan(checked((int)first), destination.Length).CopyTo(destination);
        }

        private sealed class GeneratedSource : ElementSource
        {
            private readonly DistributionKind _kind;
            private readonly double _scale;
            private readonly ulong _seed;
            private readonly int? _threads;

            public GeneratedSource(long count, TensorElementType elementType, DistributionKind kind, double scale, ulong seed, int? threads)
                : base(count, elementType)
            {
                _kind = kind;
                _scale = scale;
                _seed = seed;
                _threads = threads;
            }

            public override void Fill(Span<float> destination, long first) => CounterSampler.Fill(destination, _kind, _scale, _seed, first, _threads);

            public override void Fill(Span<double> destination, long first) => CounterSampler.Fill(destination, _kind, _scale, _seed, first, _threads);
        }
    }
}
