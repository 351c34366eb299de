namespace KaimingTools.Distributions
{
    /// <summary>The family an initialiser draws from.</summary>
    public enum DistributionKind
    {
        /// <summary>Continuous uniform on [-b, b], b = gain·√(3/fan).</summary>
        Uniform,

        /// <summary>Normal N(0, σ²), σ = gain/√fan (He et al. 2015 use this one).</summary>
        Normal,

        /// <summary>
        /// Normal truncated at ±2σ' with σ' = σ/0.87962566103423978, so the truncated std is σ
        /// (Keras/JAX "he_normal", "glorot_normal", "lecun_normal").
        /// </summary>
        TruncatedNormal,
    }
}
