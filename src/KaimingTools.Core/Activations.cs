using System;

namespace KaimingTools
{
    /// <summary>
    /// The activation functions φ whose exact gains <see cref="ExactGains"/> computes, written to be
    /// accurate over the whole real line (no overflow in exp, no cancellation near 0), with the
    /// definitions PyTorch uses for its <c>torch.nn</c> modules of the same name.
    /// </summary>
    public static class Activations
    {
        /// <summary>SELU's α (Klambauer et al. 2017, eq. 14; torch.nn.SELU).</summary>
        public const double SeluAlpha = 1.6732632423543772848170429916717;

        /// <summary>SELU's λ (Klambauer et al. 2017, eq. 14; torch.nn.SELU).</summary>
        public const double SeluScale = 1.0507009873554804934193349852946;

        /// <summary>The cubic coefficient of the tanh approximation of GELU (Hendrycks &amp; Gimpel 2016, §2).</summary>
        public const double GeluTanhCubic = 0.044715;

        private const double SqrtTwoOverPi = 0.79788456080286535587989211986876;

        /// <summary>The identity, x.</summary>
        public static double Linear(double x) => x;

        /// <summary>max(0, x).</summary>
        public static double ReLU(double x) => x > 0 ? x : 0.0;

        /// <summary>max(0, x) + s·min(0, x).</summary>
        public static double LeakyReLU(double x, double negativeSlope) => x > 0 ? x : negativeSlope * x;

        /// <summary>tanh x.</summary>
        public static double Tanh(double x) => Math.Tanh(x);

        /// <summary>The logistic sigmoid 1/(1 + e^(−x)), without overflow for large |x|.</summary>
        public static double Sigmoid(double x)
        {
            if (x >= 0)
            {
                return 1.0 / (1.0 + Math.Exp(-x));
            }

            double e = Math.Exp(x);
            return e / (1.0 + e);
        }

        /// <summary>ELU with α = 1: x for x &gt; 0, e^x − 1 otherwise (torch.nn.ELU's default).</summary>
        public static double ELU(double x) => x > 0 ? x : ExpM1(x);

        /// <summary>SELU: λ·x for x &gt; 0, λ·α·(e^x − 1) otherwise, with <see cref="SeluScale"/> and <see cref="SeluAlpha"/>.</summary>
        public static double SELU(double x) => SeluScale * (x > 0 ? x : SeluAlpha * ExpM1(x));

        /// <summary>GELU, exact (erf) form: x·Φ(x) (Hendrycks &amp; Gimpel 2016; torch.nn.GELU()).</summary>
        public static double GELU(double x) => x * SpecialFunctions.NormalCdf(x);

        /// <summary>
        /// GELU, tanh approximation: ½x·(1 + tanh(√(2/π)·(x + 0.044715x³))) (Hendrycks &amp; Gimpel 2016, §2;
        /// torch.nn.GELU(approximate='tanh')).
        /// </summary>
        public static double GELUTanh(double x) => 0.5 * x * (1.0 + Math.Tanh(SqrtTwoOverPi * (x + (GeluTanhCubic * x * x * x))));

        /// <summary>SiLU / Swish (β = 1): x·sigmoid(x) (Elfwing et al. 2017; Ramachandran et al. 2017).</summary>
        public static double SiLU(double x) => x * Sigmoid(x);

        /// <summary>Softplus (β = 1): ln(1 + e^x), computed as max(x, 0) + ln(1 + e^(−|x|)).</summary>
        public static double Softplus(double x) => Math.Max(x, 0.0) + Log1P(Math.Exp(-Math.Abs(x)));

        /// <summary>Mish: x·tanh(softplus(x)) (Misra 2019).</summary>
        public static double Mish(double x) => x * Math.Tanh(Softplus(x));

        /// <summary>
        /// The function for a nonlinearity: the identity for Linear, Identity and the (linear) convolutions,
        /// and the activation of the same name otherwise.
        /// </summary>
        /// <param name="nonlinearity">The nonlinearity.</param>
        /// <param name="negativeSlope">Leaky ReLU's slope (0.01 when null); ignored for the others.</param>
        /// <exception cref="InitArgumentException">An unknown nonlinearity (<c>UnknownNonlinearity</c>).</exception>
        public static Func<double, double> For(Nonlinearity nonlinearity, double? negativeSlope = null)
        {
            if (Gains.IsLinear(nonlinearity))
            {
                return Linear;
            }

            switch (nonlinearity)
            {
                case Nonlinearity.Sigmoid:
                    return Sigmoid;
                case Nonlinearity.Tanh:
                    return Tanh;
                case Nonlinearity.ReLU:
                    return ReLU;
                case Nonlinearity.LeakyReLU:
                    double s = negativeSlope ?? Gains.DefaultLeakyReLUSlope;
                    return x => LeakyReLU(x, s);
                case Nonlinearity.SELU:
                    return SELU;
                case Nonlinearity.ELU:
                    return ELU;
                case Nonlinearity.GELU:
                    return GELU;
                case Nonlinearity.GELUTanh:
                    return GELUTanh;
                case Nonlinearity.SiLU:
                    return SiLU;
                case Nonlinearity.Mish:
                    return Mish;
                case Nonlinearity.Softplus:
                    return Softplus;
                default:
                    throw new InitArgumentException("UnknownNonlinearity", "Nonlinearity", $"Unknown nonlinearity '{nonlinearity}'.");
            }
        }

        /// <summary>e^x − 1 without cancellation near 0 (netstandard2.0 has no Math.ExpM1).</summary>
        internal static double ExpM1(double x)
        {
            if (Math.Abs(x) >= 0.5)
            {
                return Math.Exp(x) - 1.0;
            }

            // Kahan's trick: with u = e^x rounded, (u − 1)·x/ln u is accurate to a few ulps.
            double u = Math.Exp(x);
            if (u == 1.0)
            {
                return x;
            }

            double um1 = u - 1.0;
            return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
        }

        /// <summary>ln(1 + y) without cancellation near 0 (Goldberg 1991, Theorem 4; netstandard2.0 has no Math.Log1P).</summary>
        internal static double Log1P(double y)
        {
            double u = 1.0 + y;
            return u == 1.0 ? y : Math.Log(u) * y / (u - 1.0);
        }
    }
}
