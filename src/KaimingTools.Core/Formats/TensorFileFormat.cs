namespace KaimingTools.Formats
{
    /// <summary>A file format tensors are written to or read from.</summary>
    public enum TensorFileFormat
    {
        /// <summary>NumPy <c>.npy</c>: one tensor, read by <c>numpy.load</c>.</summary>
        Npy,

        /// <summary>Hugging Face <c>.safetensors</c>: named tensors plus a string metadata map.</summary>
        Safetensors,

        /// <summary>Comma-separated text for spreadsheets, one row per output unit; write only.</summary>
        Csv,
    }
}
