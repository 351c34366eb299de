using KaimingTools.Distributions;

namespace KaimingTools
{
    /// <summary>
    /// The numbers that define an initialiser for one layer: Std = gain/√fan and Bound = gain·√(3/fan)
    /// (both always given, whatever the distribution), Variance = gain²/fan, and the support
    /// [Lower, Upper] of the chosen distribution.
    /// </summary>
    public sealed class InitBounds
    {
        internal InitBounds(Initializer initializer, Fans fans)
        {
            Scheme = initializer.Scheme;
            Mode = initializer.Mode;
            Nonlinearity = initializer.Nonlinearity;
            NegativeSlope = initializer.NegativeSlope;
            Gain = initializer.Gain;
            Distribution = initializer.Distribution;
            FanIn = fans.FanIn;
            FanOut = fans.FanOut;
            Fan = fans.Select(Mode);
            Variance = Gain * Gain / Fan;
            Std = Gain / System.Math.Sqrt(Fan);
            Bound = Gain * System.Math.Sqrt(3 / Fan);
            switch (Distribution)
            {
                case DistributionKind.Uniform:
                    Lower = -Bound;
                    Upper = Bound;
                    break;
                case DistributionKind.TruncatedNormal:
                    Upper = 2 * Std / TruncatedNormal.KerasStdDevCorrection;
                    Lower = -Upper;
                    break;
                default:
                    Lower = double.NegativeInfinity;
                    Upper = double.PositiveInfinity;
                    break;
            }
        }

        /// <summary>The scheme.</summary>
        public InitScheme Scheme { get; }

        /// <summary>fan_in of the layer (inputs per output × receptive field).</summary>
        public double FanIn { get; }

        /// <summary>fan_out of the layer (outputs per input × receptive field).</summary>
        public double FanOut { get; }

        /// <summary>The fan the mode selects: the n in Var[w] = gain²/n.</summary>
        public double Fan { get; }

        /// <summary>Which fan is used.</summary>
        public FanMode Mode { get; }

        /// <summary>The nonlinearity the gain comes from; null when a gain was given directly.</summary>
        public Nonlinearity? Nonlinearity { get; }

        /// <summary>Leaky ReLU's slope, when it applies.</summary>
        public double? NegativeSlope { get; }

        /// <summary>The gain (for VarianceScaling, √scale).</summary>
        public double Gain { get; }

        /// <summary>gain/√fan: the standard deviation of every distribution below.</summary>
        public double Std { get; }

        /// <summary>gain·√(3/fan): the half-width of the uniform with that standard deviation.</summary>
        public double Bound { get; }

        /// <summary>gain²/fan.</summary>
        public double Variance { get; }

        /// <summary>The distribution drawn from.</summary>
        public DistributionKind Distribution { get; }

        /// <summary>Lower end of the support (−∞ for a normal, −2σ' for a truncated normal).</summary>
        public double Lower { get; }

        /// <summary>Upper end of the support.</summary>
        public double Upper { get; }

        /// <summary>
        /// The exact distribution with these numbers: Uniform(−Bound, Bound), Normal(0, Std²), or the normal
        /// truncated at ±2σ' whose std is Std.
        /// </summary>
        public IContinuousDistribution CreateDistribution() => Distribution switch
        {
            DistributionKind.Uniform => new Uniform(-Bound, Bound),
            DistributionKind.Normal => new Normal(0, Std),
            _ => TruncatedNormal.WithTruncatedStdDev(Std),
        };
    }
}
