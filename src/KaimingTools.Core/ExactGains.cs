using System;
using System.Collections.Generic;
using MathNet.Numerics.Integration;


namespace KaimingTools
{
    /// <summary>
    /// Exact variance-preserving gains: g = 1/√E[φ(z)²] with z ~ N(0, 1), computed by adaptive composite
    /// Gauss–Legendre quadrature (MathNet.Numerics' rule) to a relative error far below 1e-10.
    /// </summary>
    /// <remarks>
    /// <para>Why the second moment and not the variance: He et al. (2015, §2.2, eqs. 7–8) write
    /// Var[y_l] = n_l·Var[w_l]·E[x_l²] with x_l = φ(y_{l−1}), because the weights have zero mean, so the
    /// activation's own mean does not cancel. If y_{l−1} ~ N(0, v) and φ is positively homogeneous
    /// (ReLU, leaky ReLU), E[x_l²] = v·E[φ(z)²] and Var[y_l] = Var[y_{l−1}] exactly when
    /// n·Var[w] = 1/E[φ(z)²]; that is gain² = 1/E[φ(z)²]. For ReLU E[φ(z)²] = ½ (eq. 10, gain √2), for
    /// leaky ReLU ½(1 + s²) (eq. 15). For other activations the same forward condition is applied at unit
    /// pre-activation variance (the fixed point the gain is meant to keep), so for non-homogeneous φ (tanh,
    /// GELU, …) it is exact at v = 1 only.</para>
    /// <para>Quadrature: the integrand φ(x)²·e^(−x²/2)/√(2π) is integrated over [−40, 40] in panels with
    /// breakpoints at every integer up to ±8 (and at 0, where ReLU-like functions have their kink), then
    /// ±12, ±16, ±24, ±40. Each panel is integrated by 16- and 32-point Gauss–Legendre; where the two differ
    /// by more than the tolerance the panel is halved, to at most 40 levels. For the built-in activations,
    /// which are analytic on every panel, the 32-point rule is exact to rounding at the first level. The
    /// tails beyond ±40 weigh less than e^(−800) and vanish for any φ growing slower than e^(x²/4).</para>
    /// </remarks>
    public static class ExactGains
    {
        /// <summary>The target relative error of the quadrature.</summary>
        public const double TargetRelativeError = 1e-13;

        private const int MaxDepth = 40;
        private const double InvSqrtTwoPi = 0.39894228040143267793994605993438;
        private static readonly double[] Breakpoints = { -40, -24, -16, -12, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 40 };

        /// <summary>E[φ(z)²] for z ~ N(0, 1), by adaptive composite Gauss–Legendre quadrature.</summary>
        /// <param name="activation">φ; must be finite wherever it is evaluated.</param>
        /// <param name="errorEstimate">An upper estimate of the absolute error: the sum over the final panels of
        /// |G₃₂ − G₁₆|.</param>
        /// <exception cref="ArgumentNullException"><paramref name="activation"/> is null.</exception>
        /// <exception cref="InitArgumentException">φ returned NaN or ±∞ (<c>ActivationNotFinite</c>), or the
        /// quadrature did not converge, e.g. because E[φ(z)²] is infinite (<c>QuadratureNotConverged</c>).</exception>
        public static double SecondMoment(Func<double, double> activation, out double errorEstimate)
        {
            if (activation is null)
            {
                throw new ArgumentNullException(nameof(activation));
            }

            double Integrand(double x)
            {
                double y = activation(x);
                if (double.IsNaN(y) || double.IsInfinity(y))
                {
                    throw new InitArgumentException("ActivationNotFinite", "Activation",
                        $"The activation returned {InitArgumentException.Format(y)} at x = {InitArgumentException.Format(x)}; it must be finite for every real x.");
                }

                return y * y * Math.Exp(-0.5 * x * x) * InvSqrtTwoPi;
            }

            // First pass: the whole integral's size, which sets the absolute tolerance of every panel.
            double total = 0;
            var panels = new double[Breakpoints.Length - 1];
            for (int i = 0; i < panels.Length; i++)
            {
                panels[i] = Panel(Integrand, Breakpoints[i], Breakpoints[i + 1]);
                total += panels[i];
            }

            double tolerance = TargetRelativeError * Math.Max(Math.Abs(total), double.Epsilon);
            double sum = 0;
            errorEstimate = 0;
            for (int i = 0; i < panels.Length; i++)
            {
                sum += Adaptive(Integrand, Breakpoints[i], Breakpoints[i + 1], panels[i], tolerance, 0, ref errorEstimate);
            }

            return sum;
        }

                /// <summary>The exact gain of a nonlinearity (closed form where one exists, quadrature otherwise).</summary>
        /// <param name="nonlinearity">The nonlinearity.</param>
        /// <param name="negativeSlope">Leaky ReLU's slope (finite, ≥ 0; 0.01 when only LeakyReLU is named).</param>
        /// <exception cref="InitArgumentException">An invalid slope, or a slope for another nonlinearity.</exception>
        public static ExactGain Calculate(Nonlinearity nonlinearity, double? negativeSlope = null)
        {
            // Validates the slope exactly as the table does, and gives the table value for comparison.
            double? table = TableValue(nonlinearity, negativeSlope);
            double? slope = nonlinearity == Nonlinearity.LeakyReLU ? negativeSlope ?? Gains.DefaultLeakyReLUSlope : null;
            string name = Names.PyTorchName(nonlinearity);
            Func<double, double> phi = Activations.For(nonlinearity, slope);
            switch (nonlinearity)
            {
                case Nonlinearity.ReLU:
                    // E[max(0, z)²] = ½ (He et al. 2015, eq. 10).
                    return new ExactGain(name, nonlinearity, null, 0.5, 0, table, "√2 = 1/√E[relu(z)²], E = 1/2 (He et al. 2015, eq. 10)", Math.Sqrt(2.0));
                case Nonlinearity.LeakyReLU:
                    // E[leaky(z)²] = ½(1 + s²) (He et al. 2015, eq. 15).
                    double s = slope!.Value;
                    return new ExactGain(name, nonlinearity, s, 0.5 * (1 + (s * s)), 0, table, "√(2/(1+s²)) = 1/√E[leaky(z)²], E = (1+s²)/2 (He et al. 2015, eq. 15)", table);
                default:
                    if (Gains.IsLinear(nonlinearity))
                    {
                        return new ExactGain(name, nonlinearity, null, 1.0, 0, table, "1 = 1/√E[z²]");
                    }

                    double moment = SecondMoment(phi, out double error);
                    return new ExactGain(name, nonlinearity, null, moment, error, table, "1/√E[φ(z)²], z ~ N(0,1) (adaptive Gauss–Legendre quadrature)");
            }
        }

        /// <summary>The exact gain of any activation φ: 1/√E[φ(z)²].</summary>
        /// <param name="activation">φ; finite everywhere, not zero almost everywhere.</param>
        /// <param name="name">A name for the result.</param>
        /// <exception cref="InitArgumentException">φ not finite (<c>ActivationNotFinite</c>) or E[φ(z)²] = 0
        /// (<c>ActivationZero</c>).</exception>
        public static ExactGain Calculate(Func<double, double> activation, string name = "custom")
        {
            double moment = SecondMoment(activation, out double error);
            return new ExactGain(name, null, null, moment, error, null, "1/√E[φ(z)²], z ~ N(0,1) (adaptive Gauss–Legendre quadrature)");
        }

        /// <summary>The exact gain of every nonlinearity, in <see cref="Nonlinearity"/> order.</summary>
        public static IReadOnlyList<ExactGain> Table()
        {
            var rows = new List<ExactGain>();
            foreach (Nonlinearity n in Gains.All)
            {
                rows.Add(Calculate(n));
            }

            return rows;
        }

        private static double Panel(Func<double, double> f, double a, double b) => GaussLegendreRule.Integrate(f, a, b, 32);

        private static double Adaptive(Func<double, double> f, double a, double b, double fine, double tolerance, int depth, ref double error)
        {
            double coarse = GaussLegendreRule.Integrate(f, a, b, 16);
            double difference = Math.Abs(fine - coarse);
            if (difference <= tolerance * (b - a) / 80.0 || difference <= 4 * double.Epsilon * Math.Abs(fine))
            {
                error += difference;
                return fine;
            }

            if (depth >= MaxDepth)
            {
                throw new InitArgumentException("QuadratureNotConverged", "Activation",
                    $"The quadrature for E[φ(z)²] did not converge near x = {InitArgumentException.Format(a)}: the activation may have a singularity there, or E[φ(z)²] may be infinite.");
            }

            double m = 0.5 * (a + b);
            return Adaptive(f, a, m, Panel(f, a, m), tolerance, depth + 1, ref error) +
                   Adaptive(f, m, b, Panel(f, m, b), tolerance, depth + 1, ref error);
        }

        /// <summary>PyTorch's table value, or null for the activations it has none for.</summary>
        private static double? TableValue(Nonlinearity nonlinearity, double? negativeSlope) =>
            Gains.InPyTorchTable(nonlinearity) ? Gains.Calculate(nonlinearity, negativeSlope) : ValidateNoSlope(nonlinearity, negativeSlope);

        private static double? ValidateNoSlope(Nonlinearity nonlinearity, double? negativeSlope)
        {
            if (negativeSlope is not null)
            {
                throw new InitArgumentException("NegativeSlopeNotApplicable", "NegativeSlope",
                    $"NegativeSlope applies only to LeakyReLU, not to {nonlinearity}.");
            }

            if (!Enum.IsDefined(typeof(Nonlinearity), nonlinearity))
            {
                throw new InitArgumentException("UnknownNonlinearity", "Nonlinearity", $"Unknown nonlinearity '{nonlinearity}'.");
            }

            return null;
        }
    }

    /// <summary>An exact variance-preserving gain g = 1/√E[φ(z)²], z ~ N(0, 1).</summary>
    public sealed class ExactGain
    {
        internal ExactGain(string name, Nonlinearity? nonlinearity, double? negativeSlope, double secondMoment, double quadratureError, double? tableGain, string formula, double? closedFormGain = null)
        {
            if (!(secondMoment > 0) || double.IsInfinity(secondMoment))
            {
                throw new InitArgumentException("ActivationZero", "Activation",
                    $"E[φ(z)²] = {InitArgumentException.Format(secondMoment)}: the activation must not vanish almost everywhere, and its second moment must be finite.");
            }

            Name = name;
            Nonlinearity = nonlinearity;
            NegativeSlope = negativeSlope;
            SecondMoment = secondMoment;
            // A closed form is given as the gain itself so that it is bit-identical to the table's √2, √(2/(1+s²)).
            Gain = closedFormGain ?? 1.0 / Math.Sqrt(secondMoment);
            QuadratureError = quadratureError;
            TableGain = tableGain;
            Formula = formula;
        }

        /// <summary>The activation's name (PyTorch spelling for the built-in ones).</summary>
        public string Name { get; }

        /// <summary>The nonlinearity; null for a user-supplied function.</summary>
        public Nonlinearity? Nonlinearity { get; }

        /// <summary>Leaky ReLU's slope s; null for the others.</summary>
        public double? NegativeSlope { get; }

        /// <summary>"Exact", to tell these rows from the table's.</summary>
        public string Method => "Exact";

        /// <summary>The gain 1/√E[φ(z)²].</summary>
        public double Gain { get; }

        /// <summary>E[φ(z)²], z ~ N(0, 1): the second moment (not the variance) of the activation's output.</summary>
        public double SecondMoment { get; }

        /// <summary>The quadrature's absolute error estimate for <see cref="SecondMoment"/> (0 for closed forms).</summary>
        public double QuadratureError { get; }

        /// <summary>PyTorch's calculate_gain value, when it has one.</summary>
        public double? TableGain { get; }

        /// <summary>How the gain is obtained.</summary>
        public string Formula { get; }
    }
}
