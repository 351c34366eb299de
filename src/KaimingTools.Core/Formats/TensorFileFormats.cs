using System;
using System.IO;

namespace KaimingTools.Formats
{
    /// <summary>Chooses a <see cref="TensorFileFormat"/> from a name or a file extension.</summary>
    public static class TensorFileFormats
    {
        /// <summary>The format a path's extension names: <c>.npy</c>, <c>.safetensors</c>, <c>.csv</c> (any case).</summary>
        /// <exception cref="InitArgumentException"><c>UnknownFormat</c>: another extension (give the format explicitly).</exception>
        public static TensorFileFormat FromPath(string path)
        {
            string extension = Path.GetExtension(path ?? string.Empty);
            return extension.ToUpperInvariant() switch
            {
                ".NPY" => TensorFileFormat.Npy,
                ".SAFETENSORS" => TensorFileFormat.Safetensors,
                ".CSV" => TensorFileFormat.Csv,
                _ => throw new InitArgumentException("UnknownFormat", "Format",
                    $"Cannot tell the format from the extension '{extension}' of '{path}'; use .npy, .safetensors or .csv, or name the format (Npy, Safetensors, Csv)."),
            };
        }

        /// <summary>Reads a format name (<c>npy</c>, <c>safetensors</c>, <c>csv</c>, any case, with or without a leading dot).</summary>
        /// <exception cref="InitArgumentException"><c>UnknownFormat</c>.</exception>
        public static TensorFileFormat Parse(string name)
        {
            string key = (name ?? string.Empty).Trim().TrimStart('.');
            foreach (TensorFileFormat format in Enum.GetValues(typeof(TensorFileFormat)))
            {
                if (string.Equals(format.ToString(), key, StringComparison.OrdinalIgnoreCase))
                {
                    return format;
                }
            }

            throw new InitArgumentException("UnknownFormat", "Format", $"Unknown format '{name}'. Valid names: Npy, Safetensors, Csv.");
        }
    }
}
