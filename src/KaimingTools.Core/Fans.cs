using System;
using System.Collections.Generic;

namespace KaimingTools
{
    /// <summary>How a weight tensor's dimensions are ordered.</summary>
    public enum TensorLayout
    {
        /// <summary>PyTorch and ONNX: <c>(out, in/groups, k…)</c>. A Linear weight is <c>(out, in)</c>.</summary>
        Torch,

        /// <summary>Keras, TensorFlow, JAX/Flax (HWIO): <c>(k…, in/groups, out)</c>. A Dense kernel is <c>(in, out)</c>.</summary>
        Keras,

        /// <summary>
        /// PyTorch ConvTranspose: <c>(in, out/groups, k…)</c>. Fans are computed exactly as PyTorch's
        /// <c>_calculate_fan_in_and_fan_out</c> does — fan_in = size(1)·∏k = (out/groups)·∏k — which is
        /// the fan of the forward convolution this layer transposes, not of the transposed layer itself.
        /// </summary>
        TorchTranspose,
    }

    /// <summary>Which fan the variance is scaled by.</summary>
    public enum FanMode
    {
        /// <summary>fan_in: preserves the variance of activations in the forward pass (He et al. eq. 10).</summary>
        FanIn,

        /// <summary>fan_out: preserves the variance of gradients in the backward pass (He et al. eq. 14).</summary>
        FanOut,

        /// <summary>(fan_in + fan_out)/2: Glorot &amp; Bengio's compromise (Xavier).</summary>
        FanAvg,
    }

    /// <summary>
    /// fan_in and fan_out of a layer: the number of inputs feeding one output unit, and of outputs one
    /// input unit feeds, each times the receptive field (∏ kernel sizes).
    /// </summary>
    public readonly struct Fans : IEquatable<Fans>
    {
        /// <summary>Creates fans from known numbers.</summary>
        /// <exception cref="InitArgumentException">A fan is not positive and finite (ids <c>InvalidFanIn</c>, <c>InvalidFanOut</c>).</exception>
        public Fans(double fanIn, double fanOut)
        {
            InitArgumentException.RequirePositiveFinite(fanIn, "InvalidFanIn", "FanIn");
            InitArgumentException.RequirePositiveFinite(fanOut, "InvalidFanOut", "FanOut");
            FanIn = fanIn;
            FanOut = fanOut;
        }

        /// <summary>Inputs per output unit × receptive field.</summary>
        public double FanIn { get; }

        /// <summary>Outputs per input unit × receptive field.</summary>
        public double FanOut { get; }

        /// <summary>(fan_in + fan_out)/2.</summary>
        public double FanAvg => (FanIn + FanOut) / 2;

        /// <summary>The fan a mode selects.</summary>
        public double Select(FanMode mode) => mode switch
        {
            FanMode.FanIn => FanIn,
            FanMode.FanOut => FanOut,
            FanMode.FanAvg => FanAvg,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown fan mode."),
        };

        /// <summary>
        /// Fans of a weight of the given shape, as PyTorch's <c>_calculate_fan_in_and_fan_out</c> (Torch)
        /// or Keras' <c>_compute_fans</c> (Keras) compute them.
        /// </summary>
        /// <param name="shape">The weight's dimensions; at least 2, all positive.</param>
        /// <param name="layout">How the dimensions are ordered.</param>
        /// <param name="groups">Convolution groups (≥ 1). The shape's input dimension is already in/groups;
        /// groups must divide the output channels (Torch, Keras) or input channels (TorchTranspose).</param>
        /// <exception cref="InitArgumentException">Fewer than 2 dimensions (<c>ShapeTooFewDimensions</c>), a
        /// dimension ≤ 0 (<c>InvalidShapeDimension</c>), groups &lt; 1 or not dividing (<c>InvalidGroups</c>),
        /// or a product that overflows (<c>ShapeTooLarge</c>).</exception>
        public static Fans FromShape(IReadOnlyList<long> shape, TensorLayout layout = TensorLayout.Torch, int groups = 1)
        {
            ValidateShape(shape);
            if (groups < 1)
            {
                throw new InitArgumentException("InvalidGroups", "Groups", $"Groups must be at least 1; got {groups}.");
            }

            int rank = shape.Count;
            long receptive = 1;
            long inputs, outputs;
            switch (layout)
            {
                case TensorLayout.Torch:
                case TensorLayout.TorchTranspose:
                    for (int i = 2; i < rank; i++)
                    {
                        receptive = CheckedProduct(receptive, shape[i]);
                    }

                    outputs = shape[0];
                    inputs = shape[1];
                    break;
                case TensorLayout.Keras:
                    for (int i = 0; i < rank - 2; i++)
                    {
                        receptive = CheckedProduct(receptive, shape[i]);
                    }

                    inputs = shape[rank - 2];
                    outputs = shape[rank - 1];
                    break;
                default:
                    throw new InitArgumentException("UnknownLayout", "Layout", $"Unknown layout '{layout}'.");
            }

            long divided = layout == TensorLayout.TorchTranspose ? shape[0] : outputs;
            if (divided % groups != 0)
            {
                string which = layout == TensorLayout.TorchTranspose ? "input" : "output";
                throw new InitArgumentException("InvalidGroups", "Groups",
                    $"Groups ({groups}) must divide the {which} channels ({divided}) of shape {FormatShape(shape)}.");
            }

            return new Fans(CheckedProduct(inputs, receptive), CheckedProduct(outputs, receptive));
        }

        /// <summary>Checks that a shape has at least 2 dimensions, all positive, and returns its element count.</summary>
        /// <exception cref="InitArgumentException">As for <see cref="FromShape"/>.</exception>
        public static long ValidateShape(IReadOnlyList<long> shape)
        {
            if (shape is null)
            {
                throw new ArgumentNullException(nameof(shape));
            }

            if (shape.Count < 2)
            {
                throw new InitArgumentException("ShapeTooFewDimensions", "Shape",
                    $"A weight shape needs at least 2 dimensions to have a fan_in and a fan_out (as in PyTorch); got {FormatShape(shape)}.");
            }

            long count = 1;
            for (int i = 0; i < shape.Count; i++)
            {
                if (shape[i] <= 0)
                {
                    throw new InitArgumentException("InvalidShapeDimension", "Shape",
                        $"Every dimension must be positive; dimension {i} of {FormatShape(shape)} is {shape[i]}.");
                }

                count = CheckedProduct(count, shape[i]);
            }

            return count;
        }

        /// <summary>Writes a shape as <c>(64, 3, 7, 7)</c>.</summary>
        public static string FormatShape(IReadOnlyList<long> shape) => "(" + string.Join(", ", shape) + ")";

        private static long CheckedProduct(long a, long b)
        {
            if (b != 0 && a > long.MaxValue / b)
            {
                throw new InitArgumentException("ShapeTooLarge", "Shape",
                    $"The shape's element count overflows a 64-bit integer ({a} × {b} > {long.MaxValue}).")
                {
                    IsLimitExceeded = true,
                };
            }

            return a * b;
        }

        /// <inheritdoc/>
        public bool Equals(Fans other) => FanIn.Equals(other.FanIn) && FanOut.Equals(other.FanOut);

        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Fans other && Equals(other);

        /// <inheritdoc/>
        public override int GetHashCode() => (FanIn.GetHashCode() * 397) ^ FanOut.GetHashCode();

        /// <summary>Equality.</summary>
        public static bool operator ==(Fans left, Fans right) => left.Equals(right);

        /// <summary>Inequality.</summary>
        public static bool operator !=(Fans left, Fans right) => !left.Equals(right);

        /// <inheritdoc/>
        public override string ToString() => $"fan_in={FanIn}, fan_out={FanOut}";
    }
}
