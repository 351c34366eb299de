using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// NumPy's <c>.npy</c> format (NEP 1): reads versions 1.0, 2.0 and 3.0, writes 1.0 (2.0 only if the header
    /// would not fit). Little-endian <c>&lt;f4</c>, <c>&lt;f8</c>, <c>&lt;f2</c>, C order; never object arrays
    /// or pickles. A .npy file carries no provenance, so imported tensors have no <see cref="WeightTensor.Init"/>.
    /// </summary>
    public static class NpyFormat
    {
        /// <summary>Longest header accepted on read; real headers are a few hundred bytes.</summary>
        public const int MaxHeaderLength = 1 << 20;

        private static readonly byte[] Magic = { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y' };

        /// <summary>Reads a .npy file.</summary>
        /// <exception cref="TensorFileException">A malformed or unsupported file (see <see cref="Read(Stream, string)"/>), or a missing one (<c>FileNotFound</c>).</exception>
        /// <exception cref="InitArgumentException">The array is too large for memory (<c>TensorTooLarge</c>).</exception>
        public static WeightTensor Read(string path)
        {
            using FileStream stream = TensorFileReader.OpenRead(path);
            return Read(stream, path);
        }

        /// <summary>Reads a .npy array from a seekable stream that holds exactly the file.</summary>
        /// <param name="stream">Positioned at the start of the file; its length is the file's.</param>
        /// <param name="path">Named in error messages.</param>
        /// <exception cref="TensorFileException"><c>NpyBadMagic</c>, <c>NpyUnsupportedVersion</c>, <c>NpyTruncated</c>,
        /// <c>NpyHeaderTooLarge</c>, <c>NpyMalformedHeader</c>, <c>NpyUnsupportedDtype</c>, <c>NpyBigEndian</c>,
        /// <c>NpyFortranOrder</c>, <c>NpyShapeTooLarge</c>, <c>NpyDataLengthMismatch</c>.</exception>
        /// <exception cref="InitArgumentException">The array is too large for memory (<c>TensorTooLarge</c>).</exception>
        public static WeightTensor Read(Stream stream, string? path = null)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            long length = stream.Length - stream.Position;
            var preamble = new byte[12];
            if (length < 10)
            {
                throw Invalid("NpyTruncated", path, $"The file has {length} bytes, fewer than a .npy preamble.");
            }

            ElementCodec.ReadExactly(stream, preamble, 0, 10);
            if (!preamble.AsSpan(0, 6).SequenceEqual(Magic))
            {
                throw Invalid("NpyBadMagic", path, "This is not a .npy file (it does not start with \\x93NUMPY).");
            }

            byte major = preamble[6], minor = preamble[7];
            if (major < 1 || major > 3 || minor != 0)
            {
                throw Invalid("NpyUnsupportedVersion", path, $"The .npy format version {major}.{minor} is not supported (1.0, 2.0 and 3.0 are).");
            }

            int preambleLength = major == 1 ? 10 : 12;
            long headerLength;
            if (major == 1)
            {
                headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(8));
            }
            else
            {
                if (length < 12)
                {
                    throw Invalid("NpyTruncated", path, $"The file has {length} bytes, fewer than a version {major} preamble.");
                }

                ElementCodec.ReadExactly(stream, preamble, 10, 2);
                headerLength = BinaryPrimitives.ReadUInt32LittleEndian(preamble.AsSpan(8));
            }

            if (headerLength > MaxHeaderLength)
            {
                throw Invalid("NpyHeaderTooLarge", path, $"The header claims {headerLength:N0} bytes; at most {MaxHeaderLength:N0} are accepted.");
            }

            if (preambleLength + headerLength > length)
            {
                throw Invalid("NpyTruncated", path, $"The header claims {headerLength:N0} bytes but the file ends after {length - preambleLength:N0}.");
            }

            var headerBytes = new byte[headerLength];
            ElementCodec.ReadExactly(stream, headerBytes, 0, (int)headerLength);
            NpyHeader header = NpyHeader.Parse(DecodeAscii(headerBytes, path), path);
            TensorFileDType dtype = ParseDescr(header.Descr, path);
            if (header.FortranOrder)
            {
                throw Invalid("NpyFortranOrder", path, "The array is in Fortran (column-major) order; only C order is supported (save numpy.ascontiguousarray(a)).");
            }

            long count = 1;
            foreach (long d in header.Shape)
            {
                count = ShapeProduct(count, d, path);
            }

            long dataBytes = ShapeProduct(count, ElementCodec.ItemSize(dtype), path);
            long available = length - preambleLength - headerLength;
            if (dataBytes != available)
            {
                throw Invalid("NpyDataLengthMismatch", path,
                    $"The shape {Fans.FormatShape(header.Shape)} of {header.Descr} needs {dataBytes:N0} data bytes but the file has {available:N0}.");
            }

            MemoryLimits.EnsureCanAllocate(count, ElementCodec.ReadType(dtype));
            Array data = ElementCodec.Read(stream, dtype, count);
            return new WeightTensor(data, header.Shape);
        }

        /// <summary>Writes a tensor to a .npy file atomically.</summary>
        /// <param name="path">The target file.</param>
        /// <param name="tensor">The tensor.</param>
        /// <param name="dtype">The stored dtype; the tensor's own by default. BFloat16 is refused (NumPy has none).</param>
        /// <param name="force">Replace an existing file.</param>
        /// <param name="cancellationToken">Checked between chunks; cancelling leaves the previous state.</param>
        /// <param name="progress">Told the elements written after each chunk.</param>
        /// <exception cref="TensorFileException">As for <see cref="TensorFileWriter.Export"/>.</exception>
        /// <exception cref="InitArgumentException"><c>UnsupportedDtype</c>, and as for <see cref="TensorFileWriter.Export"/>.</exception>
        public static void Write(string path, WeightTensor tensor, TensorFileDType? dtype = null, bool force = false, CancellationToken cancellationToken = default, IProgress<long>? progress = null)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(nameof(tensor));
            }

            TensorFileWriter.Export(path, new[] { tensor }, TensorFileFormat.Npy, dtype, force, cancellationToken, progress);
        }

        /// <summary>Writes a tensor as .npy bytes to a stream.</summary>
        /// <exception cref="InitArgumentException"><c>UnsupportedDtype</c>.</exception>
        public static void Write(Stream stream, WeightTensor tensor, TensorFileDType? dtype = null)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(nameof(tensor));
            }

            Write(stream, tensor.Shape, ElementSource.Of(tensor), CheckDType(dtype ?? ElementCodec.NaturalDType(tensor.ElementType)), default, null);
        }

        /// <summary>Header then data, chunk by chunk: the one .npy writer, for tensors in memory and streamed alike.</summary>
        internal static void Write(Stream stream, IReadOnlyList<long> shape, ElementSource source, TensorFileDType dtype, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            byte[] header = HeaderBytes(shape, dtype);
            stream.Write(header, 0, header.Length);
            ElementCodec.Write(stream, source, dtype, cancellationToken, progress);
        }

        /// <summary>Refuses dtypes NumPy cannot store.</summary>
        internal static TensorFileDType CheckDType(TensorFileDType dtype)
        {
            if (dtype == TensorFileDType.BFloat16 || !Enum.IsDefined(typeof(TensorFileDType), dtype))
            {
                throw new InitArgumentException("UnsupportedDtype", "DType", $"A .npy file cannot store {dtype}; use Float32, Float64 or Float16 (or a .safetensors file for BFloat16).");
            }

            return dtype;
        }

        /// <summary>
        /// Magic, version, header length and the header dictionary padded with spaces and a newline so the data
        /// starts at a multiple of 64 bytes, exactly as <c>numpy.lib.format.write_array</c> lays it out.
        /// </summary>
        private static byte[] HeaderBytes(IReadOnlyList<long> shape, TensorFileDType dtype)
        {
            string dictionary = NpyHeader.Format(Descr(dtype), shape);
            int major = dictionary.Length + 1 + 10 <= ushort.MaxValue ? 1 : 2;
            int preamble = major == 1 ? 10 : 12;
            int total = (preamble + dictionary.Length + 1 + 63) / 64 * 64;
            int headerLength = total - preamble;
            var bytes = new byte[total];
            Magic.CopyTo(bytes, 0);
            bytes[6] = (byte)major;
            if (major == 1)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)headerLength);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)headerLength);
            }

            Encoding.ASCII.GetBytes(dictionary, 0, dictionary.Length, bytes, preamble);
            for (int i = preamble + dictionary.Length; i < total - 1; i++)
            {
                bytes[i] = (byte)' ';
            }

            bytes[total - 1] = (byte)'\n';
            return bytes;
        }

        private static string Descr(TensorFileDType dtype) => dtype switch
        {
            TensorFileDType.Float64 => "<f8",
            TensorFileDType.Float16 => "<f2",
            _ => "<f4",
        };

        private static TensorFileDType ParseDescr(string descr, string? path)
        {
            switch (descr)
            {
                case "<f4": return TensorFileDType.Float32;
                case "<f8": return TensorFileDType.Float64;
                case "<f2": return TensorFileDType.Float16;
                case ">f4":
                case ">f8":
                case ">f2":
                    throw Invalid("NpyBigEndian", path, $"The array is big-endian ('{descr}'); only little-endian is supported (save a.astype('<{descr.Substring(1)}')).");
            }

            string why = descr.IndexOf('O') >= 0
                ? "object arrays need pickle, which can run arbitrary code, so they are never read"
                : "only '<f4', '<f8' and '<f2' are supported";
            throw Invalid("NpyUnsupportedDtype", path, $"The dtype '{Shorten(descr)}' is not supported: {why}.");
        }

        private static string DecodeAscii(byte[] bytes, string? path)
        {
            var chars = new char[bytes.Length];
            for (int i = 0; i < bytes.Length; i++)
            {
                byte b = bytes[i];
                if ((b < 0x20 && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t') || b > 0x7E)
                {
                    throw Invalid("NpyMalformedHeader", path, $"The .npy header has a non-ASCII or control byte 0x{b:x2} at offset {i}.");
                }

                chars[i] = (char)b;
            }

            return new string(chars);
        }

        private static long ShapeProduct(long a, long b, string? path)
        {
            if (b != 0 && a > long.MaxValue / b)
            {
                throw Invalid("NpyShapeTooLarge", path, "The shape's element count (or byte size) overflows a 64-bit integer.");
            }

            return a * b;
        }

        private static string Shorten(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;

        private static TensorFileException Invalid(string id, string? path, string message) => TensorFileException.Invalid(id, path, message);
    }
}
