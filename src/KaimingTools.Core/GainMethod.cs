namespace KaimingTools
{
    /// <summary>Where a gain comes from.</summary>
    public enum GainMethod
    {
        /// <summary>PyTorch's calculate_gain table (5/3 for tanh, 3/4 for SELU, …).</summary>
        Table,

        /// <summary>The exact variance-preserving gain 1/√E[φ(z)²], z ~ N(0, 1) (<see cref="ExactGains"/>).</summary>
        Exact,
    }
}
