using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using KaimingTools.Sampling;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// Writes weight tensors to files — the core of <c>Export-InitWeights</c> and of the generating cmdlets'
    /// <c>-Path</c>: every argument is checked before the disk is touched, and every write is atomic
    /// (<see cref="AtomicFile"/>).
    /// </summary>
    public static class TensorFileWriter
    {
        /// <summary>Writes tensors already in memory.</summary>
        /// <param name="path">The target file.</param>
        /// <param name="tensors">One tensor for .npy and .csv; any number, each with a distinct name, for .safetensors.</param>
        /// <param name="format">The format; from the extension when null.</param>
        /// <param name="dtype">How elements are stored; each tensor's own type when null. Not for CSV.</param>
        /// <param name="force">Replace an existing file.</param>
        /// <param name="cancellationToken">Checked between chunks; cancelling leaves the previous state exactly.</param>
        /// <param name="progress">Told the elements written so far after each chunk.</param>
        /// <exception cref="InitArgumentException"><c>UnknownFormat</c>, <c>NoTensors</c>, <c>FormatHoldsOneTensor</c>,
        /// <c>UnsupportedDtype</c>, <c>DtypeNotApplicable</c>, <c>InvalidTensorName</c>, <c>DuplicateTensorName</c>, <c>InvalidPath</c>.</exception>
        /// <exception cref="TensorFileException"><c>DirectoryNotFound</c>, <c>PathIsDirectory</c>, <c>FileExists</c>, <c>AccessDenied</c>, <c>WriteFailed</c>.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; nothing was changed.</exception>
        public static void Export(string path, IReadOnlyList<WeightTensor> tensors, TensorFileFormat? format = null, TensorFileDType? dtype = null, bool force = false, CancellationToken cancellationToken = default, IProgress<long>? progress = null)
        {
            Write(path, format ?? TensorFileFormats.FromPath(path), SafetensorsFormat.Entries(tensors, dtype), dtype, force, cancellationToken, progress);
        }

        /// <summary>
        /// Generates a tensor chunk by chunk straight into a file, with memory bounded by the chunk size whatever
        /// the tensor's size (more elements than an array can hold included). The bytes equal those of
        /// <see cref="Initializer.Generate"/> followed by <see cref="Export"/> with the same arguments.
        /// </summary>
        /// <param name="path">The target file.</param>
        /// <param name="initializer">The initialiser.</param>
        /// <param name="shape">The weight's dimensions (at least 2, all positive).</param>
        /// <param name="layout">How to read fans from the shape.</param>
        /// <param name="groups">Convolution groups.</param>
        /// <param name="seed">The seed; a fresh random one (returned) when null.</param>
        /// <param name="elementType">float32 (default) or float64 generation.</param>
        /// <param name="name">The tensor's name (its .safetensors key; <see cref="SafetensorsFormat.DefaultTensorName"/> if null).</param>
        /// <param name="format">The format; from the extension when null.</param>
        /// <param name="dtype">How elements are stored; the element type's own when null. Not for CSV.</param>
        /// <param name="force">Replace an existing file.</param>
        /// <param name="cancellationToken">Checked between chunks; cancelling leaves the previous state exactly.</param>
        /// <param name="progress">Told the elements written so far after each chunk (about a million elements).</param>
        /// <param name="maxDegreeOfParallelism">Most threads to generate each chunk on; null for one per core. The bytes do not depend on it.</param>
        /// <returns>What was written, including the seed.</returns>
        /// <exception cref="InitArgumentException">An invalid shape, layout or groups (as <see cref="Fans.FromShape"/>), and
        /// as for <see cref="Export"/>.</exception>
        /// <exception cref="TensorFileException">As for <see cref="Export"/>.</exception>
        /// <exception cref="OperationCanceledException">Cancelled; nothing was changed.</exception>
        public static TensorFileSummary WriteGenerated(
            string path,
            Initializer initializer,
            IReadOnlyList<long> shape,
            TensorLayout layout = TensorLayout.Torch,
            int groups = 1,
            ulong? seed = null,
            TensorElementType elementType = TensorElementType.Single,
            string? name = null,
            TensorFileFormat? format = null,
            TensorFileDType? dtype = null,
            bool force = false,
            CancellationToken cancellationToken = default,
            IProgress<long>? progress = null,
            int? maxDegreeOfParallelism = null)
        {
            if (initializer is null)
            {
                throw new ArgumentNullException(nameof(initializer));
            }

            if (!Enum.IsDefined(typeof(TensorElementType), elementType))
            {
                throw new InitArgumentException("UnknownElementType", "ElementType", $"Unknown element type '{elementType}'.");
            }

            Fans fans = Fans.FromShape(shape, layout, groups);
            long count = Fans.ValidateShape(shape);
            TensorFileFormat actualFormat = format ?? TensorFileFormats.FromPath(path);
            ulong actualSeed = seed ?? Seeds.NewSeed();
            InitBounds init = initializer.Bounds(fans);
            long[] dims = shape.ToArray();
            var entry = new SafetensorsFormat.Entry(
                name ?? SafetensorsFormat.DefaultTensorName,
                dims,
                dtype ?? ElementCodec.NaturalDType(elementType),
                ElementSource.Generated(count, elementType, initializer.Distribution, initializer.SamplerScale(fans), actualSeed, maxDegreeOfParallelism),
                new TensorProvenance(layout, groups, init, actualSeed, CounterSampler.StreamVersion));
            string full = Write(path, actualFormat, new[] { entry }, dtype, force, cancellationToken, progress);
            return new TensorFileSummary(full, actualFormat, entry.Name, dims, count, entry.DType, new FileInfo(full).Length, init, actualSeed, CounterSampler.StreamVersion);
        }

        /// <summary>Checks everything, then writes atomically; the one dispatcher for both entry points.</summary>
        private static string Write(string path, TensorFileFormat format, IReadOnlyList<SafetensorsFormat.Entry> entries, TensorFileDType? dtype, bool force, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            ElementCodec.CheckDefined(dtype);

            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            Action<Stream> write;
            switch (format)
            {
                case TensorFileFormat.Npy:
                    SafetensorsFormat.Entry npy = Single(entries, format);
                    NpyFormat.CheckDType(npy.DType);
                    write = stream => NpyFormat.Write(stream, npy.Shape, npy.Source, npy.DType, cancellationToken, progress);
                    break;
                case TensorFileFormat.Safetensors:
                    SafetensorsFormat.CheckNames(entries.Select(e => e.Name));
                    write = stream => SafetensorsFormat.Write(stream, entries, cancellationToken, progress);
                    break;
                case TensorFileFormat.Csv:
                    SafetensorsFormat.Entry csv = Single(entries, format);
                    if (dtype is not null)
                    {
                        throw new InitArgumentException("DtypeNotApplicable", "DType", "CSV stores numbers as text in the tensor's own precision; -DType applies to .npy and .safetensors.");
                    }

                    write = stream => CsvFormat.Write(stream, csv.Shape, csv.Provenance.Layout, csv.Source, cancellationToken, progress);
                    break;
                default:
                    throw new InitArgumentException("UnknownFormat", "Format", $"Unknown format '{format}'.");
            }

            return AtomicFile.Write(path, force, write, cancellationToken);
        }

        private static SafetensorsFormat.Entry Single(IReadOnlyList<SafetensorsFormat.Entry> entries, TensorFileFormat format) =>
            entries.Count == 1
                ? entries[0]
                : throw new InitArgumentException("FormatHoldsOneTensor", "InputObject",
                    $"A {format} file holds one tensor, but {entries.Count} were given; write them to a .safetensors file or to one file each.");
    }
}
