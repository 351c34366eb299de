using System;
using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// Little-endian element bytes in every file dtype: encodes a source to a stream in bounded chunks,
    /// and decodes a stream into a float32/float64 array. Both .npy and .safetensors use exactly this.
    /// </summary>
    internal static class ElementCodec
    {
        /// <summary>Elements per chunk: 8 MiB of float64 at most, so memory stays bounded for any size.</summary>
        internal const int ChunkElements = 1 << 20;

        /// <summary>Bytes per element of <paramref name="dtype"/>.</summary>
        public static int ItemSize(TensorFileDType dtype) => dtype switch
        {
            TensorFileDType.Float64 => 8,
            TensorFileDType.Float32 => 4,
            _ => 2,
        };

        /// <summary>Refuses a dtype value outside the enum (a cast integer).</summary>
        /// <exception cref="InitArgumentException"><c>UnsupportedDtype</c>.</exception>
        public static void CheckDefined(TensorFileDType? dtype)
        {
            if (dtype is TensorFileDType d && !Enum.IsDefined(typeof(TensorFileDType), d))
            {
                throw new InitArgumentException("UnsupportedDtype", "DType", $"Unknown dtype '{d}'.");
            }
        }

        /// <summary>The in-memory element type a file dtype is read into (float16/bfloat16 widen to float32).</summary>
        public static TensorElementType ReadType(TensorFileDType dtype) =>
            dtype == TensorFileDType.Float64 ? TensorElementType.Double : TensorElementType.Single;

        /// <summary>The file dtype that stores an element type without loss.</summary>
        public static TensorFileDType NaturalDType(TensorElementType elementType) =>
            elementType == TensorElementType.Double ? TensorFileDType.Float64 : TensorFileDType.Float32;

        /// <summary>
        /// Writes all of <paramref name="source"/> as <paramref name="dtype"/>, checking for cancellation and
        /// reporting the elements done after each chunk.
        /// </summary>
        public static void Write(Stream stream, ElementSource source, TensorFileDType dtype, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            int itemSize = ItemSize(dtype);
            int chunk = (int)Math.Min(ChunkElements, Math.Max(1, source.Count));
            var bytes = new byte[chunk * itemSize];
            float[]? singles = source.ElementType == TensorElementType.Single ? new float[chunk] : null;
            double[]? doubles = singles is null ? new double[chunk] : null;
            for (long first = 0; first < source.Count; first += chunk)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int n = (int)Math.Min(chunk, source.Count - first);
                Span<byte> destination = bytes.AsSpan(0, n * itemSize);
                if (singles is not null)
                {
                    source.Fill(singles.AsSpan(0, n), first);
                    Encode(singles.AsSpan(0, n), dtype, destination);
                }
                else
                {
                    source.Fill(doubles.AsSpan(0, n), first);
                    Encode(doubles.AsSpan(0, n), dtype, destination);
                }

                stream.Write(bytes, 0, destination.Length);
                progress?.Report(first + n);
            }
        }

        /// <summary>
        /// Reads <paramref name="count"/> elements of <paramref name="dtype"/> from the stream's position into a
        /// new float32 (or, for float64, float64) array. The caller has checked the count against memory limits.
        /// </summary>
        /// <exception cref="EndOfStreamException">The stream ends early.</exception>
        public static Array Read(Stream stream, TensorFileDType dtype, long count)
        {
            int itemSize = ItemSize(dtype);
            var buffer = new byte[(int)Math.Min(ChunkElements, Math.Max(1, count)) * itemSize];
            if (dtype == TensorFileDType.Float64)
            {
                var values = new double[count];
                ReadChunks(stream, buffer, itemSize, count, (bytes, first) => Decode(bytes, values.AsSpan(first, bytes.Length / 8)));
                return values;
            }

            var singles = new float[count];
            ReadChunks(stream, buffer, itemSize, count, (bytes, first) => Decode(bytes, dtype, singles.AsSpan(first, bytes.Length / itemSize)));
            return singles;
        }

        private delegate void ChunkDecoder(ReadOnlySpan<byte> bytes, int first);

        private static void ReadChunks(Stream stream, byte[] buffer, int itemSize, long count, ChunkDecoder decode)
        {
            int perChunk = buffer.Length / itemSize;
            for (long first = 0; first < count; first += perChunk)
            {
                int n = (int)Math.Min(perChunk, count - first) * itemSize;
                ReadExactly(stream, buffer, 0, n);
                decode(buffer.AsSpan(0, n), (int)first);
            }
        }

        /// <summary>Fills buffer[offset..offset+count) from the stream.</summary>
        /// <exception cref="EndOfStreamException">The stream ends first.</exception>
        public static void ReadExactly(Stream stream, byte[] buffer, int offset, int count)
        {
            int done = 0;
            while (done < count)
            {
                int read = stream.Read(buffer, offset + done, count - done);
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                done += read;
            }
        }

        private static void Encode(ReadOnlySpan<float> values, TensorFileDType dtype, Span<byte> destination)
        {
            switch (dtype)
            {
                case TensorFileDType.Float32:
                    MemoryMarshal.AsBytes(values).CopyTo(destination);
                    ToLittleEndian(MemoryMarshal.Cast<byte, uint>(destination));
                    break;
                case TensorFileDType.Float64:
                    for (int i = 0; i < values.Length; i++)
                    {
                        BinaryPrimitives.WriteInt64LittleEndian(destination.Slice(i * 8), BitConverter.DoubleToInt64Bits(values[i]));
                    }

                    break;
                default:
                    for (int i = 0; i < values.Length; i++)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(i * 2), Narrow(values[i], dtype));
                    }

                    break;
            }
        }

        private static void Encode(ReadOnlySpan<double> values, TensorFileDType dtype, Span<byte> destination)
        {
            switch (dtype)
            {
                case TensorFileDType.Float64:
                    MemoryMarshal.AsBytes(values).CopyTo(destination);
                    ToLittleEndian(MemoryMarshal.Cast<byte, ulong>(destination));
                    break;
                case TensorFileDType.Float32:
                    Span<float> singles = MemoryMarshal.Cast<byte, float>(destination);
                    for (int i = 0; i < values.Length; i++)
                    {
                        singles[i] = (float)values[i];
                    }

                    ToLittleEndian(MemoryMarshal.Cast<byte, uint>(destination));
                    break;
                default:
                    for (int i = 0; i < values.Length; i++)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(destination.Slice(i * 2), Narrow(values[i], dtype));
                    }

                    break;
            }
        }

        private static void Decode(ReadOnlySpan<byte> bytes, Span<double> values)
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(bytes.Slice(i * 8)));
            }
        }

        private static void Decode(ReadOnlySpan<byte> bytes, TensorFileDType dtype, Span<float> values)
        {
            if (dtype == TensorFileDType.Float32)
            {
                bytes.CopyTo(MemoryMarshal.AsBytes(values));
                ToLittleEndian(MemoryMarshal.Cast<float, uint>(values));
                return;
            }

            for (int i = 0; i < values.Length; i++)
            {
                ushort bits = BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(i * 2));
                values[i] = dtype == TensorFileDType.Float16 ? NarrowFloat.FromHalf(bits) : NarrowFloat.FromBFloat16(bits);
            }
        }

        private static ushort Narrow(double value, TensorFileDType dtype) =>
            dtype == TensorFileDType.Float16 ? NarrowFloat.ToHalf(value) : NarrowFloat.ToBFloat16(value);

        /// <summary>Swaps in place on big-endian hosts (a no-op on x64/arm64); the swap is its own inverse.</summary>
        private static void ToLittleEndian(Span<uint> words)
        {
            if (!BitConverter.IsLittleEndian)
            {
                for (int i = 0; i < words.Length; i++)
                {
                    words[i] = BinaryPrimitives.ReverseEndianness(words[i]);
                }
            }
        }

        /// <inheritdoc cref="ToLittleEndian(Span{uint})"/>
        private static void ToLittleEndian(Span<ulong> words)
        {
            if (!BitConverter.IsLittleEndian)
            {
                for (int i = 0; i < words.Length; i++)
                {
                    words[i] = BinaryPrimitives.ReverseEndianness(words[i]);
                }
            }
        }
    }
}
