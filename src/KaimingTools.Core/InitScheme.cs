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
    }
}
