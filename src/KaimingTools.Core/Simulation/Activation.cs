using System;

namespace KaimingTools.Simulation
{
    /// <summary>
    /// The nonlinearities f as the simulator applies them (the functions of <see cref="Activations"/>) and
    /// their derivatives f′ for the backward pass. Every nonlinearity is handled explicitly: an unknown one
    /// is an error, never silently linear.
    /// </summary>
    internal static class Activation
    {
        private const double GeluTanhCubic = 0.044715;
        private static readonly double SqrtTwoOverPi = Math.Sqrt(2 / Math.PI);

        /// <summary>f(y).</summary>
        internal static double Apply(Nonlinearity f, double slope, double y) => f switch
        {
            Nonlinearity.ReLU => Activations.ReLU(y),
            Nonlinearity.LeakyReLU => Activations.LeakyReLU(y, slope),
            Nonlinearity.Tanh => Activations.Tanh(y),
            Nonlinearity.Sigmoid => Activations.Sigmoid(y),
            Nonlinearity.SELU => Activations.SELU(y),
            Nonlinearity.ELU => Activations.ELU(y),
            Nonlinearity.GELU => Activations.GELU(y),
            Nonlinearity.GELUTanh => Activations.GELUTanh(y),
            Nonlinearity.SiLU => Activations.SiLU(y),
            Nonlinearity.Mish => Activations.Mish(y),
            Nonlinearity.Softplus => Activations.Softplus(y),
            _ when Gains.IsLinear(f) => y,
            _ => throw Unknown(f),
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
                case Nonlinearity.Softplus: // softplus′ = σ
                    double s = Activations.Sigmoid(y);
                    return f == Nonlinearity.Softplus ? s : s * (1 - s);
                case Nonlinearity.SELU:
                    return Activations.SeluScale * (y > 0 ? 1 : Activations.SeluAlpha * Math.Exp(y));
                case Nonlinearity.ELU:
                    return y > 0 ? 1 : Math.Exp(y);
                case Nonlinearity.GELU: // (yΦ(y))′ = Φ(y) + yφ(y)
                    return SpecialFunctions.NormalCdf(y) + (y * SpecialFunctions.NormalPdf(y));
                case Nonlinearity.GELUTanh:
                    double u = Math.Tanh(SqrtTwoOverPi * (y + (GeluTanhCubic * y * y * y)));
                    return (0.5 * (1 + u)) + (0.5 * y * (1 - (u * u)) * SqrtTwoOverPi * (1 + (3 * GeluTanhCubic * y * y)));
                case Nonlinearity.SiLU: // (yσ(y))′ = σ(1 + y(1 − σ))
                    double sig = Activations.Sigmoid(y);
                    return sig * (1 + (y * (1 - sig)));
                case Nonlinearity.Mish: // (y·tanh(sp(y)))′ = tanh(sp) + y·sech²(sp)·σ(y)
                    double th = Math.Tanh(Activations.Softplus(y));
                    return th + (y * (1 - (th * th)) * Activations.Sigmoid(y));
                default:
                    return Gains.IsLinear(f) ? 1 : throw Unknown(f);
            }
        }

        private static InitArgumentException Unknown(Nonlinearity f) =>
            new("UnknownNonlinearity", "Nonlinearity", $"The simulator has no nonlinearity '{f}'.");
    }
}
