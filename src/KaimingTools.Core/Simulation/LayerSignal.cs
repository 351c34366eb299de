namespace KaimingTools.Simulation
{
    /// <summary>What one layer of a simulated network did to the signal (one row of <c>Measure-SignalPropagation</c>).</summary>
    public sealed class LayerSignal
    {
        internal LayerSignal(int layer, string scheme, Fans fans, double weightVariance, double activationVariance, double gradientVariance)
        {
            Layer = layer;
            Scheme = scheme;
            FanIn = fans.FanIn;
            FanOut = fans.FanOut;
            WeightVariance = weightVariance;
            ActivationVariance = activationVariance;
            GradientVariance = gradientVariance;
        }

        /// <summary>l, from 1 (the first layer) to L.</summary>
        public int Layer { get; }

        /// <summary>The weight source's label (<see cref="WeightSource.Label"/>).</summary>
        public string Scheme { get; }

        /// <summary>d_{l−1}.</summary>
        public double FanIn { get; }

        /// <summary>d_l.</summary>
        public double FanOut { get; }

        /// <summary>Var[w_l] the weights were drawn with.</summary>
        public double WeightVariance { get; }

        /// <summary>
        /// Var[y_l]: the sample variance of the pre-activations y_l = W_l·x_{l−1}, pooled over the batch and
        /// the d_l units (He et al. 2015, eq. 7).
        /// </summary>
        public double ActivationVariance { get; }

        /// <summary>
        /// Var[Δx_l]: the sample variance of ∂E/∂x_{l−1}, the gradient at this layer's input, pooled over the
        /// batch and the d_{l−1} units, for an upstream gradient ∂E/∂x_L drawn from N(0, 1) (He et al. 2015, eq. 13).
        /// </summary>
        public double GradientVariance { get; }

        /// <inheritdoc/>
        public override string ToString() =>
            $"{Scheme} layer {Layer}: Var[y] = {InitArgumentException.Format(ActivationVariance)}, Var[Δx] = {InitArgumentException.Format(GradientVariance)}";
    }
}
