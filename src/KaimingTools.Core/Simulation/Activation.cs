using System;

namespace KaimingTools.Simulation
{
    /// <summary>The nonlinearities f and their derivatives f′ as the simulator applies them.</summary>
    internal static class Activation
    {
        // SELU's constants (Klambauer et al. 2017, eq. 14 ff.), as torch.nn.SELU uses them.
        internal const double SeluAlpha = 1.6732632423543772848170429916717;
        internal const double SeluLambda = 1.0507009873554804934193349852946;

        /// <summary>f(y).</summary>
        internal static double Apply(Nonlinearity f, double slope, double y) => f switch
        {
            Nonlinearity.ReLU => y > 0 ? y : 0,
            Nonlinearity.LeakyReLU => y > 0 ? y : slope * y,
            Nonlinearity.Tanh => Math.Tanh(y),
            Nonlinearity.Sigmoid => 1 / (1 + Math.Exp(-y)),
            Nonlinearity.SELU => SeluLambda * (y > 0 ? y : SeluAlpha * (Math.Exp(y) - 1)),

            // Linear, Identity and the (linear) convolutions of the gain table: no nonlinearity.
            _ => y,
        };

        /// <summary>f′(y); ReLU's derivative at 0 is taken as 0, as PyTorch does.</summary>
        internal static double Derivative(Nonlinearity f, double slope, double y)
        {
            switch (f)
            {
                case Nonlinearity.ReLU:
                    return y > 0 ? 1 : 0;
                case Nonlinearity.LeakyReLU:
                    return y > 0 ? 1 : slope;
                case Nonlinearity.Tanh:
                    double t = Math.Tanh(y);
                    return 1 - (t * t);
                case Nonlinearity.Sigmoid:
                    double s = 1 / (1 + Math.Exp(-y));
                    return s * (1 - s);
                case Nonlinearity.SELU:
                    return SeluLambda * (y > 0 ? 1 : SeluAlpha * Math.Exp(y));
                default:
                    return 1;
            }
        }
    }
}
