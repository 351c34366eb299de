namespace KaimingTools.Tensors
{
    /// <summary>The element type of a weight tensor.</summary>
    public enum TensorElementType
    {
        /// <summary>IEEE-754 binary32 (float32), the default of PyTorch and Keras.</summary>
        Single,

        /// <summary>IEEE-754 binary64 (float64).</summary>
        Double,
    }
}
