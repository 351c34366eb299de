using System.Collections.Generic;

namespace KaimingTools.Simulation
{
    /// <summary>One simulation: the network, the weight source, and per layer the forward and backward variances.</summary>
    public sealed class SignalPropagationResult
    {
        internal SignalPropagationResult(SimulatedNetwork network, WeightSource weights, ulong seed, int batchSize, IReadOnlyList<LayerSignal> layers)
        {
            Network = network;
            Weights = weights;
            Seed = seed;
            BatchSize = batchSize;
            Layers = layers;
        }

        /// <summary>The network simulated.</summary>
        public SimulatedNetwork Network { get; }

        /// <summary>Where its weights came from.</summary>
        public WeightSource Weights { get; }

        /// <summary>The seed; the same seed gives the same result.</summary>
        public ulong Seed { get; }

        /// <summary>The number of Gaussian inputs pushed through together.</summary>
        public int BatchSize { get; }

        /// <summary>Layers 1…L in order.</summary>
        public IReadOnlyList<LayerSignal> Layers { get; }

        /// <summary>Var[y_L]/Var[y_1]: how much the forward signal grew (&gt; 1) or shrank (&lt; 1) over the network.</summary>
        public double ActivationRatio => Layers[Layers.Count - 1].ActivationVariance / Layers[0].ActivationVariance;

        /// <summary>Var[Δx_1]/Var[Δx_L]: how much the gradient grew or shrank from the last layer back to the first.</summary>
        public double GradientRatio => Layers[0].GradientVariance / Layers[Layers.Count - 1].GradientVariance;

        /// <inheritdoc/>
        public override string ToString() =>
            $"{Weights.Label}, {Network.Depth} layers, {Network.Nonlinearity}: Var[y_L]/Var[y_1] = {InitArgumentException.Format(ActivationRatio)}, Var[Δx_1]/Var[Δx_L] = {InitArgumentException.Format(GradientRatio)}";
    }
}
