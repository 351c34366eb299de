using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// Hugging Face's <c>.safetensors</c>: an 8-byte little-endian header length N, N bytes of JSON
    /// (<c>{"name": {"dtype", "shape", "data_offsets"}, "__metadata__": {string: string}}</c>), then the tensors'
    /// bytes, contiguous. F32, F64, F16 and BF16. The metadata carries each tensor's provenance
    /// (see <see cref="WeightTensor.Init"/>), so it survives a round trip.
    /// </summary>
    /// <remarks>
    /// Written as the reference implementation writes: tensors ordered by element size (largest first) then
    /// name, so every tensor is aligned to its element size; the header padded with spaces to a multiple of 8.
    /// Read as it checks: header ≤ 100 MB and inside the file, offsets starting at 0, contiguous, matching each
    /// shape and ending exactly at the end of the file.
    /// </remarks>
    public static class SafetensorsFormat
    {
        /// <summary>The reference implementation's limit on the header (100 MB).</summary>
        public const long MaxHeaderLength = 100_000_000;

        /// <summary>The name given to a tensor whose <see cref="WeightTensor.Name"/> is not set.</summary>
        public const string DefaultTensorName = "weight";

        private const string MetadataKey = "__metadata__";

        /// <summary>Reads the tensors of a .safetensors file (all of them, or those named).</summary>
        /// <param name="path">The file.</param>
        /// <param name="names">Tensors to read, in any order; null or empty for all.</param>
        /// <returns>The tensors in the order of the file's header.</returns>
        /// <exception cref="TensorFileException">A malformed file (see <see cref="Read(Stream, IReadOnlyCollection{string}, string)"/>), a missing one
        /// (<c>FileNotFound</c>) or a missing named tensor (<c>TensorNotFound</c>).</exception>
        /// <exception cref="InitArgumentException">A tensor too large for memory (<c>TensorTooLarge</c>).</exception>
        public static IReadOnlyList<WeightTensor> Read(string path, IReadOnlyCollection<string>? names = null)
        {
            using FileStream stream = TensorFileReader.OpenRead(path);
            return Read(stream, names, path);
        }

        /// <summary>Reads tensors from a seekable stream that holds exactly the file.</summary>
        /// <exception cref="TensorFileException"><c>SafetensorsTruncated</c>, <c>SafetensorsHeaderTooLarge</c>,
        /// <c>SafetensorsHeaderBeyondFile</c>, <c>SafetensorsInvalidJson</c>, <c>SafetensorsDuplicateKey</c>,
        /// <c>SafetensorsInvalidHeader</c>, <c>SafetensorsUnsupportedDtype</c>, <c>SafetensorsShapeTooLarge</c>,
        /// <c>SafetensorsOffsetsOutOfBounds</c>, <c>SafetensorsDataLengthMismatch</c>,
        /// <c>SafetensorsNonContiguousOffsets</c>, <c>SafetensorsInvalidMetadata</c>, <c>TensorNotFound</c>.</exception>
        /// <exception cref="InitArgumentException">A tensor too large for memory (<c>TensorTooLarge</c>).</exception>
        public static IReadOnlyList<WeightTensor> Read(Stream stream, IReadOnlyCollection<string>? names = null, string? path = null)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            long start = stream.Position;
            SafetensorsHeader header = SafetensorsHeader.Read(stream, path);
            IReadOnlyList<SafetensorsHeader.TensorInfo> selected = Select(header.Tensors, names, path);
            foreach (var info in selected)
            {
                MemoryLimits.EnsureCanAllocate(info.Count, ElementCodec.ReadType(info.DType));
            }

            var result = new List<WeightTensor>(selected.Count);
            foreach (var info in selected)
            {
                stream.Position = start + header.DataStart + info.Begin;
                Array data = ElementCodec.Read(stream, info.DType, info.Count);
                TensorProvenance provenance = TensorProvenance.FromMetadata(header.Metadata, info.Name, path);
                result.Add(provenance.ToTensor(data, info.Shape, info.Name));
            }

            return result;
        }

        /// <summary>Writes tensors to a .safetensors file atomically.</summary>
        /// <param name="path">The target file.</param>
        /// <param name="tensors">The tensors; each is named by its <see cref="WeightTensor.Name"/> (<see cref="DefaultTensorName"/> if unset).</param>
        /// <param name="dtype">The stored dtype for all tensors; each tensor's own by default.</param>
        /// <param name="force">Replace an existing file.</param>
        /// <param name="cancellationToken">Checked between chunks; cancelling leaves the previous state.</param>
        /// <param name="progress">Told the elements written so far (over all tensors) after each chunk.</param>
        /// <exception cref="InitArgumentException"><c>NoTensors</c>, <c>InvalidTensorName</c>, <c>DuplicateTensorName</c>.</exception>
        /// <exception cref="TensorFileException">As for <see cref="TensorFileWriter.Export"/>.</exception>
        public static void Write(string path, IReadOnlyList<WeightTensor> tensors, TensorFileDType? dtype = null, bool force = false, CancellationToken cancellationToken = default, IProgress<long>? progress = null) =>
            TensorFileWriter.Export(path, tensors, TensorFileFormat.Safetensors, dtype, force, cancellationToken, progress);

        /// <summary>Writes tensors as .safetensors bytes to a stream.</summary>
        /// <exception cref="InitArgumentException">As for <see cref="Write(string, IReadOnlyList{WeightTensor}, TensorFileDType?, bool, CancellationToken, IProgress{long})"/>.</exception>
        public static void Write(Stream stream, IReadOnlyList<WeightTensor> tensors, TensorFileDType? dtype = null) =>
            Write(stream, Entries(tensors, dtype), default, null);

        /// <summary>Header then each tensor's bytes: the one safetensors writer, for tensors in memory and streamed alike.</summary>
        internal static void Write(Stream stream, IReadOnlyList<Entry> entries, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            CheckNames(entries.Select(e => e.Name));
            Entry[] ordered = entries
                .OrderByDescending(e => ElementCodec.ItemSize(e.DType))
                .ThenBy(e => e.Name, StringComparer.Ordinal)
                .ToArray();
            byte[] header = HeaderBytes(ordered);
            stream.Write(header, 0, header.Length);
            long done = 0;
            foreach (Entry entry in ordered)
            {
                long before = done;
                IProgress<long>? offset = progress is null ? null : new OffsetProgress(progress, before);
                ElementCodec.Write(stream, entry.Source, entry.DType, cancellationToken, offset);
                done += entry.Source.Count;
            }
        }

        private static byte[] HeaderBytes(IReadOnlyList<Entry> ordered)
        {
            var metadata = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (Entry entry in ordered)
            {
                entry.Provenance.AddTo(metadata, entry.Name);
            }

            var json = new StringBuilder();
            json.Append('{');
            StrictJson.WriteString(json, MetadataKey);
            json.Append(":{");
            bool first = true;
            foreach (var pair in metadata)
            {
                json.Append(first ? string.Empty : ",");
                first = false;
                StrictJson.WriteString(json, pair.Key);
                json.Append(':');
                StrictJson.WriteString(json, pair.Value);
            }

            json.Append('}');
            long offset = 0;
            foreach (Entry entry in ordered)
            {
                long end = offset + (entry.Source.Count * ElementCodec.ItemSize(entry.DType));
                json.Append(',');
                StrictJson.WriteString(json, entry.Name);
                json.Append(":{\"dtype\":\"").Append(SafetensorsHeader.DTypeName(entry.DType)).Append("\",\"shape\":[");
                json.Append(string.Join(",", entry.Shape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                json.Append("],\"data_offsets\":[").Append(offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
                json.Append(',').Append(end.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("]}");
                offset = end;
            }

            json.Append('}');
            byte[] text = new UTF8Encoding(false).GetBytes(json.ToString());
            int padded = (text.Length + 7) / 8 * 8; // the reference implementation pads with spaces so data starts 8-aligned
            var bytes = new byte[8 + padded];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded);
            text.CopyTo(bytes, 8);
            for (int i = 8 + text.Length; i < bytes.Length; i++)
            {
                bytes[i] = (byte)' ';
            }

            return bytes;
        }

        /// <summary>The entries to write for tensors in memory (names are checked by the writer).</summary>
        internal static IReadOnlyList<Entry> Entries(IReadOnlyList<WeightTensor> tensors, TensorFileDType? dtype)
        {
            if (tensors is null)
            {
                throw new ArgumentNullException(nameof(tensors));
            }

            if (tensors.Count == 0 || tensors.Any(t => t is null))
            {
                throw new InitArgumentException("NoTensors", "InputObject", "There are no tensors to write.");
            }

            ElementCodec.CheckDefined(dtype);

            var entries = tensors.Select(t => new Entry(
                t.Name ?? DefaultTensorName,
                t.Shape,
                dtype ?? ElementCodec.NaturalDType(t.ElementType),
                ElementSource.Of(t),
                TensorProvenance.Of(t))).ToArray();
            return entries;
        }

        /// <summary>Names must be non-empty, not <c>__metadata__</c>, and distinct.</summary>
        internal static void CheckNames(IEnumerable<string> names)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (string name in names)
            {
                if (string.IsNullOrEmpty(name) || name == MetadataKey)
                {
                    throw new InitArgumentException("InvalidTensorName", "Name", $"'{name}' cannot name a tensor in a .safetensors file.");
                }

                if (!seen.Add(name))
                {
                    throw new InitArgumentException("DuplicateTensorName", "Name",
                        $"Two tensors are named '{name}'; give each a distinct name (-Name) to write them to one file.");
                }
            }
        }

        private static IReadOnlyList<SafetensorsHeader.TensorInfo> Select(IReadOnlyList<SafetensorsHeader.TensorInfo> tensors, IReadOnlyCollection<string>? names, string? path)
        {
            if (names is null || names.Count == 0)
            {
                return tensors;
            }

            var present = new HashSet<string>(tensors.Select(t => t.Name), StringComparer.Ordinal);
            string[] missing = names.Where(n => !present.Contains(n)).ToArray();
            if (missing.Length > 0)
            {
                throw new TensorFileException("TensorNotFound", TensorFileErrorKind.NotFound, path,
                    $"No tensor named {string.Join(", ", missing.Select(n => "'" + n + "'"))}; the file has {string.Join(", ", present.OrderBy(n => n, StringComparer.Ordinal))}.");
            }

            var wanted = new HashSet<string>(names, StringComparer.Ordinal);
            return tensors.Where(t => wanted.Contains(t.Name)).ToArray();
        }

        /// <summary>One tensor to write: its name, shape, stored dtype, elements and provenance.</summary>
        internal sealed class Entry
        {
            public Entry(string name, IReadOnlyList<long> shape, TensorFileDType dtype, ElementSource source, TensorProvenance provenance)
            {
                Name = name;
                Shape = shape;
                DType = dtype;
                Source = source;
                Provenance = provenance;
            }

            public string Name { get; }

            public IReadOnlyList<long> Shape { get; }

            public TensorFileDType DType { get; }

            public ElementSource Source { get; }

            public TensorProvenance Provenance { get; }
        }

        private sealed class OffsetProgress : IProgress<long>
        {
            private readonly IProgress<long> _inner;
            private readonly long _offset;

            public OffsetProgress(IProgress<long> inner, long offset)
            {
                _inner = inner;
                _offset = offset;
            }

            public void Report(long value) => _inner.Report(_offset + value);
        }
    }
}
