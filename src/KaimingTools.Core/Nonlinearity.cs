namespace KaimingTools
{
    /// <summary>The nonlinearities of PyTorch's <c>torch.nn.init.calculate_gain</c> table.</summary>
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
    }
}
