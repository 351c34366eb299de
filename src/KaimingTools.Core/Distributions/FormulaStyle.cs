namespace KaimingTools.Distributions
{
    /// <summary>How a distribution writes its formula.</summary>
    public enum FormulaStyle
    {
        /// <summary>Plain Unicode text, e.g. <c>f(x) = 1/(0.0625·√(2π)) · exp(−x²/(2·0.0625²))</c>.</summary>
        Unicode,

        /// <summary>LaTeX for notebooks and papers.</summary>
        LaTeX,
    }
}
