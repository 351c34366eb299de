namespace KaimingTools
{
    /// <summary>A weight-initialisation scheme (not an activation function).</summary>
    public enum InitScheme
    {
        /// <summary>He et al. 2015: Var[w] = gain²/fan, fan = fan_in or fan_out.</summary>
        Kaiming,

        /// <summary>Glorot &amp; Bengio 2010: Var[w] = gain²·2/(fan_in + fan_out).</summary>
        Xavier,

        /// <summary>LeCun 1998: Var[w] = 1/fan_in.</summary>
        LeCun,

        /// <summary>Keras' VarianceScaling: Var[w] = scale/fan, fan = fan_in, fan_out or fan_avg.</summary>
        VarianceScaling,

        /// <summary>A (semi-)orthogonal matrix times a gain (Saxe et al. 2014; torch.nn.init.orthogonal_). Structured: no elementwise distribution.</summary>
        Orthogonal,

        /// <summary>The identity matrix (torch.nn.init.eye_); 2-D only.</summary>
        Identity,

        /// <summary>A convolution kernel that passes its input through (torch.nn.init.dirac_); 3-, 4- or 5-D, with groups.</summary>
        Dirac,

        /// <summary>N(0, std²) with ⌈sparsity·rows⌉ zeros per column (Martens 2010; torch.nn.init.sparse_); 2-D only.</summary>
        Sparse,

        /// <summary>Every element equal to a value (torch.nn.init.constant_).</summary>
        Constant,

        /// <summary>Every element 0 (torch.nn.init.zeros_).</summary>
        Zeros,

        /// <summary>Every element 1 (torch.nn.init.ones_).</summary>
        Ones,
    }
}
