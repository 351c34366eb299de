namespace KaimingTools
{
    /// <summary>
    /// The nonlinearities of PyTorch's <c>torch.nn.init.calculate_gain</c> table, then activations that have
    /// no table value and take their exact gain 1/√E[φ(z)²] (<see cref="ExactGains"/>).
    /// </summary>
    public enum Nonlinearity
    {
        /// <summary>No nonlinearity: gain 1.</summary>
        Linear,

        /// <summary>Identity: gain 1.</summary>
        Identity,

        /// <summary>A linear convolution: gain 1.</summary>
        Conv1d,

        /// <summary>A linear convolution: gain 1.</summary>
        Conv2d,

        /// <summary>A linear convolution: gain 1.</summary>
        Conv3d,

        /// <summary>A linear transposed convolution: gain 1.</summary>
        ConvTranspose1d,

        /// <summary>A linear transposed convolution: gain 1.</summary>
        ConvTranspose2d,

        /// <summary>A linear transposed convolution: gain 1.</summary>
        ConvTranspose3d,

        /// <summary>Logistic sigmoid: gain 1 (PyTorch's table value).</summary>
        Sigmoid,

        /// <summary>tanh: gain 5/3 (PyTorch's table value).</summary>
        Tanh,

        /// <summary>max(0, x): gain √2 (He et al. 2015, eq. 10).</summary>
        ReLU,

        /// <summary>max(0, x) + s·min(0, x): gain √(2/(1+s²)) (He et al. 2015, eq. 15); s defaults to 0.01.</summary>
        LeakyReLU,

        /// <summary>SELU: gain 3/4 (PyTorch's empirical value; with it, SELU nets keep unit variance).</summary>
        SELU,

        /// <summary>ELU (α = 1): exact gain 1/√E[φ(z)²] ≈ 1.24520 (no PyTorch table value).</summary>
        ELU,

        /// <summary>GELU, erf form x·Φ(x): exact gain ≈ 1.53353 (no PyTorch table value).</summary>
        GELU,

        /// <summary>GELU, tanh approximation: exact gain ≈ 1.53358 (no PyTorch table value).</summary>
        GELUTanh,

        /// <summary>SiLU / Swish x·sigmoid(x): exact gain ≈ 1.67653 (no PyTorch table value).</summary>
        SiLU,

        /// <summary>Mish x·tanh(softplus(x)): exact gain ≈ 1.48685 (no PyTorch table value).</summary>
        Mish,

        /// <summary>Softplus ln(1 + eˣ): exact gain ≈ 1.04187 (no PyTorch table value).</summary>
        Softplus,
    }
}
