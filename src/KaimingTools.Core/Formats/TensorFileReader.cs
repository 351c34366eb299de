using System;
using System.Collections.Generic;
using System.IO;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>Reads weight tensors from a file in the format its extension names: the core of <c>Import-InitWeights</c>.</summary>
    public static class TensorFileReader
    {
        /// <summary>
        /// Reads the tensors of a <c>.npy</c> file (one, named after the file) or a <c>.safetensors</c> file
        /// (all, or those named, with their provenance restored from the metadata).
        /// </summary>
        /// <param name="path">The file.</param>
        /// <param name="names">Tensors to read from a .safetensors file; null or empty for all.</param>
        /// <param name="format">The format; from the extension when null.</param>
        /// <exception cref="InitArgumentException"><c>UnknownFormat</c>; <c>CsvNotReadable</c>; <c>NamesNotApplicable</c>
        /// (names with a .npy file); <c>TensorTooLarge</c>.</exception>
        /// <exception cref="TensorFileException"><c>FileNotFound</c>, <c>AccessDenied</c>, and the format's own ids
        /// (see <see cref="NpyFormat.Read(Stream, string)"/>, <see cref="SafetensorsFormat.Read(Stream, IReadOnlyCollection{string}, string)"/>).</exception>
        public static IReadOnlyList<WeightTensor> Read(string path, IReadOnlyCollection<string>? names = null, TensorFileFormat? format = null)
        {
            TensorFileFormat actual = format ?? TensorFileFormats.FromPath(path);
            switch (actual)
            {
                case TensorFileFormat.Npy:
                    if (names is not null && names.Count > 0)
                    {
                        throw new InitArgumentException("NamesNotApplicable", "Name", "A .npy file holds one unnamed tensor; -Name selects tensors of a .safetensors file.");
                    }

                    WeightTensor tensor = NpyFormat.Read(path);
                    tensor.Name = Path.GetFileNameWithoutExtension(path);
                    return new[] { tensor };
                case TensorFileFormat.Safetensors:
                    return SafetensorsFormat.Read(path, names);
                default:
                    throw new InitArgumentException("CsvNotReadable", "Format", "CSV is written for spreadsheets and not read back; use .npy or .safetensors to round-trip weights.");
            }
        }

        /// <summary>Opens a file for reading, turning the operating system's errors into <see cref="TensorFileException"/>s.</summary>
        internal static FileStream OpenRead(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new InitArgumentException("InvalidPath", "Path", "The path is empty.");
            }

            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            }
            catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
            {
                throw new TensorFileException("FileNotFound", TensorFileErrorKind.NotFound, path, "The file does not exist.", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new TensorFileException(Directory.Exists(path) ? "PathIsDirectory" : "AccessDenied",
                    Directory.Exists(path) ? TensorFileErrorKind.InvalidData : TensorFileErrorKind.AccessDenied, path, e.Message, e);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw new InitArgumentException("InvalidPath", "Path", $"'{path}' is not a valid path: {e.Message}");
            }
        }
    }
}
