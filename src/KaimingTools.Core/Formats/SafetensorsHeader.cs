using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace KaimingTools.Formats
{
    /// <summary>
    /// A validated safetensors header: every check happens here, before any tensor data is read or any
    /// memory for it is allocated.
    /// </summary>
    internal sealed class SafetensorsHeader
    {
        private const int MaxRank = 64;

        private SafetensorsHeader(long dataStart, IReadOnlyList<TensorInfo> tensors, IReadOnlyDictionary<string, string> metadata)
        {
            DataStart = dataStart;
            Tensors = tensors;
            Metadata = metadata;
        }

        /// <summary>Offset of the data buffer from the start of the file (8 + N).</summary>
        public long DataStart { get; }

        /// <summary>The tensors in header order.</summary>
        public IReadOnlyList<TensorInfo> Tensors { get; }

        /// <summary>The <c>__metadata__</c> map (empty if absent).</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        /// <summary>The safetensors name of a dtype.</summary>
        public static string DTypeName(TensorFileDType dtype) => dtype switch
        {
            TensorFileDType.Float64 => "F64",
            TensorFileDType.Float16 => "F16",
            TensorFileDType.BFloat16 => "BF16",
            _ => "F32",
        };

        /// <summary>Reads and validates the header from the stream's position; the stream's remaining length is the file's.</summary>
        public static SafetensorsHeader Read(Stream stream, string? path)
        {
            long length = stream.Length - stream.Position;
            if (length < 8)
            {
                throw Invalid("SafetensorsTruncated", path, $"The file has {length} bytes, fewer than the 8-byte header length.");
            }

            var prefix = new byte[8];
            ElementCodec.ReadExactly(stream, prefix, 0, 8);
            ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (n > (ulong)SafetensorsFormat.MaxHeaderLength)
            {
                throw Invalid("SafetensorsHeaderTooLarge", path, $"The header claims {n:N0} bytes; at most {SafetensorsFormat.MaxHeaderLength:N0} are allowed.");
            }

            if ((long)n > length - 8)
            {
                throw Invalid("SafetensorsHeaderBeyondFile", path, $"The header claims {n:N0} bytes but the file has only {length - 8:N0} after the length.");
            }

            var bytes = new byte[n];
            ElementCodec.ReadExactly(stream, bytes, 0, (int)n);
            string text;
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException e)
            {
                throw Invalid("SafetensorsInvalidJson", path, $"The header is not valid UTF-8: {e.Message}");
            }

            JsonNode root;
            try
            {
                root = StrictJson.Parse(text);
            }
            catch (JsonError e)
            {
                throw Invalid(e.IsDuplicateKey ? "SafetensorsDuplicateKey" : "SafetensorsInvalidJson", path, $"The header is not valid JSON: {e.Message}.");
            }

            if (root is not JsonNode.Object members)
            {
                throw Invalid("SafetensorsInvalidHeader", path, "The header must be a JSON object.");
            }

            long dataLength = length - 8 - (long)n;
            var tensors = new List<TensorInfo>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in members.Members)
            {
                if (member.Key == "__metadata__")
                {
                    ReadMetadata(member.Value, metadata, path);
                }
                else
                {
                    tensors.Add(ReadTensor(member.Key, member.Value, dataLength, path));
                }
            }

            CheckContiguous(tensors, dataLength, path);
            return new SafetensorsHeader(8 + (long)n, tensors, metadata);
        }

        private static void ReadMetadata(JsonNode node, Dictionary<string, string> metadata, string? path)
        {
            if (node is not JsonNode.Object map)
            {
                throw Invalid("SafetensorsInvalidMetadata", path, "__metadata__ must be an object of strings.");
            }

            foreach (var pair in map.Members)
            {
                metadata[pair.Key] = pair.Value is JsonNode.String s
                    ? s.Value
                    : throw Invalid("SafetensorsInvalidMetadata", path, $"__metadata__ entry '{Shorten(pair.Key)}' is not a string.");
            }
        }

        private static TensorInfo ReadTensor(string name, JsonNode node, long dataLength, string? path)
        {
            if (name.Length == 0 || node is not JsonNode.Object info)
            {
                throw Invalid("SafetensorsInvalidHeader", path, $"The entry '{Shorten(name)}' must be a non-empty name with an object of dtype, shape and data_offsets.");
            }

            foreach (var field in info.Members)
            {
                if (field.Key != "dtype" && field.Key != "shape" && field.Key != "data_offsets")
                {
                    throw Invalid("SafetensorsInvalidHeader", path, $"The tensor '{Shorten(name)}' has an unknown field '{Shorten(field.Key)}'.");
                }
            }

            if (info["dtype"] is not JsonNode.String dtypeName)
            {
                throw Invalid("SafetensorsInvalidHeader", path, $"The tensor '{Shorten(name)}' has no dtype string.");
            }

            TensorFileDType dtype = dtypeName.Value switch
            {
                "F32" => TensorFileDType.Float32,
                "F64" => TensorFileDType.Float64,
                "F16" => TensorFileDType.Float16,
                "BF16" => TensorFileDType.BFloat16,
                _ => throw Invalid("SafetensorsUnsupportedDtype", path,
                    $"The tensor '{Shorten(name)}' has dtype '{Shorten(dtypeName.Value)}'; only F32, F64, F16 and BF16 are supported."),
            };

            long[] shape = Integers(info["shape"], name, "shape", path, MaxRank);
            long[] offsets = Integers(info["data_offsets"], name, "data_offsets", path, 2);
            if (offsets.Length != 2 || offsets[0] > offsets[1])
            {
                throw Invalid("SafetensorsInvalidHeader", path, $"The tensor '{Shorten(name)}' needs data_offsets [begin, end] with begin ≤ end.");
            }

            long count = 1;
            foreach (long d in shape)
            {
                count = Multiply(count, d, name, path);
            }

            long bytes = Multiply(count, ElementCodec.ItemSize(dtype), name, path);
            if (offsets[1] > dataLength)
            {
                throw Invalid("SafetensorsOffsetsOutOfBounds", path,
                    $"The tensor '{Shorten(name)}' ends at byte {offsets[1]:N0} of a data buffer of {dataLength:N0} bytes.");
            }

            if (offsets[1] - offsets[0] != bytes)
            {
                throw Invalid("SafetensorsDataLengthMismatch", path,
                    $"The tensor '{Shorten(name)}' of shape {Fans.FormatShape(shape)} {dtypeName.Value} needs {bytes:N0} bytes but its offsets span {offsets[1] - offsets[0]:N0}.");
            }

            return new TensorInfo(name, dtype, shape, count, offsets[0], offsets[1]);
        }

        /// <summary>Offsets must tile the data buffer exactly: sorted by begin, each starts where the previous ended.</summary>
        private static void CheckContiguous(List<TensorInfo> tensors, long dataLength, string? path)
        {
            long expected = 0;
            foreach (TensorInfo t in tensors.OrderBy(t => t.Begin).ThenBy(t => t.End))
            {
                if (t.Begin != expected)
                {
                    string what = t.Begin < expected ? "overlaps the previous tensor" : "leaves a gap after the previous tensor";
                    throw Invalid("SafetensorsNonContiguousOffsets", path, $"The tensor '{Shorten(t.Name)}' starts at byte {t.Begin:N0} and {what} (which ends at {expected:N0}).");
                }

                expected = t.End;
            }

            if (expected != dataLength)
            {
                throw Invalid("SafetensorsNonContiguousOffsets", path, $"The tensors cover {expected:N0} bytes but the data buffer has {dataLength:N0}.");
            }
        }

        private static long[] Integers(JsonNode? node, string name, string field, string? path, int maxCount)
        {
            if (node is not JsonNode.Array array || array.Items.Count > maxCount)
            {
                throw Invalid("SafetensorsInvalidHeader", path, $"The tensor '{Shorten(name)}' needs '{field}' as an array of at most {maxCount} non-negative integers.");
            }

            var values = new long[array.Items.Count];
            for (int i = 0; i < values.Length; i++)
            {
                if (array.Items[i] is not JsonNode.Number number || !number.TryGetNonNegativeInt64(out values[i]))
                {
                    throw Invalid("SafetensorsInvalidHeader", path, $"The tensor '{Shorten(name)}' has a '{field}' entry that is not a non-negative 64-bit integer.");
                }
            }

            return values;
        }

        private static long Multiply(long a, long b, string name, string? path)
        {
            if (b != 0 && a > long.MaxValue / b)
            {
                throw Invalid("SafetensorsShapeTooLarge", path, $"The shape of tensor '{Shorten(name)}' overflows a 64-bit element or byte count.");
            }

            return a * b;
        }

        private static string Shorten(string s) => s.Length > 60 ? s.Substring(0, 60) + "…" : s;

        private static TensorFileException Invalid(string id, string? path, string message) => TensorFileException.Invalid(id, path, message);

        /// <summary>One tensor's entry, validated.</summary>
        internal sealed class TensorInfo
        {
            public TensorInfo(string name, TensorFileDType dtype, long[] shape, long count, long begin, long end)
            {
                Name = name;
                DType = dtype;
                Shape = shape;
                Count = count;
                Begin = begin;
                End = end;
            }

            public string Name { get; }

            public TensorFileDType DType { get; }

            public long[] Shape { get; }

            public long Count { get; }

            public long Begin { get; }

            public long End { get; }
        }
    }
}
