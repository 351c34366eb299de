namespace KaimingTools.Formats
{
    /// <summary>
    /// How elements are stored in a file. Tensors in memory are float32 or float64; float16 and bfloat16
    /// are rounded to nearest-even on write and read back exactly as float32.
    /// </summary>
    public enum TensorFileDType
    {
        /// <summary>IEEE binary32 (<c>&lt;f4</c>, <c>F32</c>).</summary>
        Float32,

        /// <summary>IEEE binary64 (<c>&lt;f8</c>, <c>F64</c>).</summary>
        Float64,

        /// <summary>IEEE binary16 (<c>&lt;f2</c>, <c>F16</c>).</summary>
        Float16,

        /// <summary>bfloat16, the top half of a binary32 (<c>BF16</c>; safetensors only, NumPy has no such dtype).</summary>
        BFloat16,
    }
}
