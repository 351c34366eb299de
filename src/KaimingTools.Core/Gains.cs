using System;
using System.Collections.Generic;

namespace KaimingTools
{
    /// <summary>
    /// The recommended gain for each nonlinearity, exactly PyTorch's <c>torch.nn.init.calculate_gain</c>,
    /// and the names people use for them.
    /// </summary>
    public static class Gains
    {
        /// <summary>PyTorch's default negative slope when only "leaky_relu" is named.</summary>
        public const double DefaultLeakyReLUSlope = 0.01;

        /// <summary>Every nonlinearity in table order.</summary>
        public static IReadOnlyList<Nonlinearity> All { get; } =
            (Nonlinearity[])Enum.GetValues(typeof(Nonlinearity));

        /// <summary>
        /// The gain for <paramref name="nonlinearity"/>: 1 for linear, identity, conv and sigmoid; 5/3 for
        /// tanh; √2 for ReLU; √(2/(1+s²)) for leaky ReLU; 3/4 for SELU; the exact gain
        /// (<see cref="ExactGains"/>) for the activations PyTorch's table lacks (ELU, GELU, SiLU, Mish, Softplus).
        /// </summary>
        /// <param name="nonlinearity">The nonlinearity after the layer.</param>
        /// <param name="negativeSlope">Leaky ReLU's slope s (finite, ≥ 0); only meaningful for
        /// <see cref="Nonlinearity.LeakyReLU"/>; defaults to 0.01.</param>
        /// <exception cref="InitArgumentException">A slope that is negative or not finite
        /// (<c>InvalidNegativeSlope</c>), or a slope given with a nonlinearity that has none
        /// (<c>NegativeSlopeNotApplicable</c>).</exception>
        public static double Calculate(Nonlinearity nonlinearity, double? negativeSlope = null)
        {
            if (negativeSlope is double s)
            {
                if (nonlinearity != Nonlinearity.LeakyReLU)
                {
                    throw new InitArgumentException("NegativeSlopeNotApplicable", "NegativeSlope",
                        $"NegativeSlope applies only to LeakyReLU, not to {nonlinearity}.");
                }

                if (!(s >= 0) || double.IsInfinity(s))
                {
                    throw new InitArgumentException("InvalidNegativeSlope", "NegativeSlope",
                        $"NegativeSlope must be a finite number ≥ 0; got {InitArgumentException.Format(s)}.");
                }
            }

            if (IsLinear(nonlinearity))
            {
                return 1.0;
            }

            switch (nonlinearity)
            {
                case Nonlinearity.Sigmoid:
                    return 1.0;
                case Nonlinearity.Tanh:
                    return 5.0 / 3;
                case Nonlinearity.ReLU:
                    return Math.Sqrt(2.0);
                case Nonlinearity.LeakyReLU:
                    double slope = negativeSlope ?? DefaultLeakyReLUSlope;
                    return Math.Sqrt(2.0 / (1 + slope * slope));
                case Nonlinearity.SELU:
                    return 3.0 / 4;
                case Nonlinearity.ELU:
                case Nonlinearity.GELU:
                case Nonlinearity.GELUTanh:
                case Nonlinearity.SiLU:
                case Nonlinearity.Mish:
                case Nonlinearity.Softplus:
                    // Not in PyTorch's table: the exact variance-preserving gain.
                    return ExactGains.Calculate(nonlinearity).Gain;
                default:
                    throw new InitArgumentException("UnknownNonlinearity", "Nonlinearity", $"Unknown nonlinearity '{nonlinearity}'.");
            }
        }

        /// <summary>True for the nonlinearities of torch.nn.init.calculate_gain; the later enum members have only exact gains.</summary>
        internal static bool InPyTorchTable(Nonlinearity nonlinearity) => nonlinearity < Nonlinearity.ELU;

        /// <summary>
        /// True for the entries of the table that apply no nonlinearity: Linear, Identity and the (linear)
        /// convolutions Conv1d…ConvTranspose3d.
        /// </summary>
        public static bool IsLinear(Nonlinearity nonlinearity) => nonlinearity is Nonlinearity.Linear or Nonlinearity.Identity
            or Nonlinearity.Conv1d or Nonlinearity.Conv2d or Nonlinearity.Conv3d
            or Nonlinearity.ConvTranspose1d or Nonlinearity.ConvTranspose2d or Nonlinearity.ConvTranspose3d;

        /// <summary>One row of the gain table: the nonlinearity, its PyTorch name, the gain and where it comes from.</summary>
        public static GainInfo Describe(Nonlinearity nonlinearity, double? negativeSlope = null)
        {
            double gain = Calculate(nonlinearity, negativeSlope);
            double? slope = nonlinearity == Nonlinearity.LeakyReLU ? negativeSlope ?? DefaultLeakyReLUSlope : null;
            string formula = nonlinearity switch
            {
                Nonlinearity.Tanh => "5/3 (PyTorch's table value)",
                Nonlinearity.ReLU => "√2 (He et al. 2015, eq. 10)",
                Nonlinearity.LeakyReLU => "√(2/(1+s²)) (He et al. 2015, eq. 15)",
                Nonlinearity.SELU => "3/4 (PyTorch's empirical value)",
                >= Nonlinearity.ELU => "1/√E[φ(z)²] (exact; not in PyTorch's table)",
                _ => "1",
            };
            return new GainInfo(nonlinearity, Names.PyTorchName(nonlinearity), slope, gain, formula);
        }

        /// <summary>The whole PyTorch table, one row per nonlinearity it has (not ELU, GELU, … which have only exact gains).</summary>
        public static IReadOnlyList<GainInfo> Table()
        {
            var rows = new List<GainInfo>();
            foreach (Nonlinearity n in All)
            {
                if (!InPyTorchTable(n))
                {
                    continue;
                }

                rows.Add(Describe(n));
            }

            return rows;
        }
    }

    /// <summary>A row of the gain table.</summary>
    public sealed class GainInfo
    {
        internal GainInfo(Nonlinearity nonlinearity, string pyTorchName, double? negativeSlope, double gain, string formula)
        {
            Nonlinearity = nonlinearity;
            PyTorchName = pyTorchName;
            NegativeSlope = negativeSlope;
            Gain = gain;
            Formula = formula;
        }

        /// <summary>The nonlinearity.</summary>
        public Nonlinearity Nonlinearity { get; }

        /// <summary>How torch.nn.init.calculate_gain spells it.</summary>
        public string PyTorchName { get; }

        /// <summary>Leaky ReLU's slope s; null for the others.</summary>
        public double? NegativeSlope { get; }

        /// <summary>The gain.</summary>
        public double Gain { get; }

        /// <summary>The gain's expression and source.</summary>
        public string Formula { get; }
    }
}
