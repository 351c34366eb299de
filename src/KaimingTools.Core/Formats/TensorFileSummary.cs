using System.Collections.Generic;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>What <see cref="TensorFileWriter.WriteGenerated"/> wrote: enough to reproduce it (seed, initialiser).</summary>
    public sealed class TensorFileSummary
    {
        internal TensorFileSummary(string path, TensorFileFormat format, string name, IReadOnlyList<long> shape, long count, TensorFileDType dtype, long length, InitBounds init, ulong seed, int streamVersion)
        {
            Path = path;
            Format = format;
            Name = name;
            Shape = shape;
            Count = count;
            DType = dtype;
            Length = length;
            Init = init;
            Seed = seed;
            StreamVersion = streamVersion;
        }

        /// <summary>The full path of the file.</summary>
        public string Path { get; }

        /// <summary>The file's format.</summary>
        public TensorFileFormat Format { get; }

        /// <summary>The tensor's name (its key in a .safetensors file).</summary>
        public string Name { get; }

        /// <summary>The tensor's dimensions.</summary>
        public IReadOnlyList<long> Shape { get; }

        /// <summary>Number of elements.</summary>
        public long Count { get; }

        /// <summary>How the elements are stored (CSV: the element type the text was formatted from).</summary>
        public TensorFileDType DType { get; }

        /// <summary>The file's size in bytes.</summary>
        public long Length { get; }

        /// <summary>The initialiser's numbers.</summary>
        public InitBounds Init { get; }

        /// <summary>The seed used (give it again to reproduce the file).</summary>
        public ulong Seed { get; }

        /// <summary>The sampling stream's version.</summary>
        public int StreamVersion { get; }

        /// <inheritdoc/>
        public override string ToString() => $"{Path} {Fans.FormatShape(Shape)} {DType} seed {Seed}";
    }
}
