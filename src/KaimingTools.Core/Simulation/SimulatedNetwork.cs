using System;
using System.Collections.Generic;
using System.Linq;

namespace KaimingTools.Simulation
{
    /// <summary>
    /// A deep fully-connected network without biases, the setting of He et al. 2015 §2.2:
    /// y_l = W_l·x_{l−1}, x_l = f(y_l), with W_l of shape (d_l, d_{l−1}) (Torch layout), so layer l has
    /// fan_in = d_{l−1} and fan_out = d_l.
    /// </summary>
    public sealed class SimulatedNetwork
    {
        /// <summary>Largest width accepted, so a simulation stays within memory and seconds.</summary>
        public const int MaxWidth = 8192;

        /// <summary>Largest depth accepted.</summary>
        public const int MaxDepth = 1000;

        /// <summary>A network of <paramref name="depth"/> layers, each <paramref name="width"/> units wide (the input too).</summary>
        /// <exception cref="InitArgumentException">Depth or width out of range (<c>InvalidDepth</c>, <c>InvalidWidth</c>), or an
        /// invalid slope (see <see cref="Gains.Calculate"/>).</exception>
        public SimulatedNetwork(int depth, int width, Nonlinearity nonlinearity = Nonlinearity.ReLU, double? negativeSlope = null)
            : this(RepeatWidth(depth, width), nonlinearity, negativeSlope)
        {
        }

        /// <summary>
        /// A network with the given widths d_0 (the input), d_1, …, d_L: <c>widths.Count − 1</c> layers. Widths
        /// that change with depth separate fan_in from fan_out (He et al. 2015, the c₂/d_L argument after eq. 14).
        /// </summary>
        /// <exception cref="InitArgumentException">Fewer than 2 widths (<c>InvalidDepth</c>), a width out of range
        /// (<c>InvalidWidth</c>), or an invalid slope.</exception>
        public SimulatedNetwork(IReadOnlyList<int> widths, Nonlinearity nonlinearity = Nonlinearity.ReLU, double? negativeSlope = null)
        {
            if (widths is null)
            {
                throw new ArgumentNullException(nameof(widths));
            }

            if (widths.Count < 2 || widths.Count > MaxDepth + 1)
            {
                throw new InitArgumentException("InvalidDepth", "Depth",
                    $"A network needs between 1 and {MaxDepth} layers (2 to {MaxDepth + 1} widths); got {widths.Count - 1}.");
            }

            foreach (int w in widths)
            {
                RequireWidth(w);
            }

            // Validates the slope exactly as the gain table does (≥ 0, finite, LeakyReLU only).
            GainInfo gain = Gains.Describe(nonlinearity, negativeSlope);
            Widths = widths.ToArray();
            Nonlinearity = nonlinearity;
            NegativeSlope = gain.NegativeSlope;
        }

        /// <summary>d_0 (the input), d_1, …, d_L.</summary>
        public IReadOnlyList<int> Widths { get; }

        /// <summary>The number of layers L.</summary>
        public int Depth => Widths.Count - 1;

        /// <summary>The nonlinearity after every layer (identity for Linear, Identity and the convolutions).</summary>
        public Nonlinearity Nonlinearity { get; }

        /// <summary>Leaky ReLU's slope; null for the other nonlinearities.</summary>
        public double? NegativeSlope { get; }

        /// <summary>The fans of layer <paramref name="layer"/> (1-based): (d_{l−1}, d_l).</summary>
        public Fans FansOf(int layer) => new(Widths[layer - 1], Widths[layer]);

        private static int[] RepeatWidth(int depth, int width)
        {
            if (depth < 1 || depth > MaxDepth)
            {
                throw new InitArgumentException("InvalidDepth", "Depth", $"Depth must be between 1 and {MaxDepth}; got {depth}.");
            }

            RequireWidth(width);
            return Enumerable.Repeat(width, depth + 1).ToArray();
        }

        private static void RequireWidth(int width)
        {
            if (width < 1 || width > MaxWidth)
            {
                throw new InitArgumentException("InvalidWidth", "Width", $"Width must be between 1 and {MaxWidth}; got {width}.");
            }
        }
    }
}
