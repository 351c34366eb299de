using System;
using System.Collections.Generic;
using System.Linq;
using KaimingTools.Distributions;

namespace KaimingTools
{
    /// <summary>
    /// Reads the names people use for nonlinearities, distributions, modes, layouts and schemes —
    /// case-insensitive, ignoring underscores, hyphens and spaces, and accepting PyTorch's and Keras'
    /// spellings (<c>leaky_relu</c>, <c>fan_in</c>, <c>truncated_normal</c>, <c>he_normal</c>…).
    /// </summary>
    public static class Names
    {
        private static readonly Dictionary<string, Nonlinearity> NonlinearityAliases = Build(new Dictionary<string, Nonlinearity>
        {
            ["none"] = Nonlinearity.Linear,
            ["lrelu"] = Nonlinearity.LeakyReLU,
            ["prelu"] = Nonlinearity.LeakyReLU,
            ["logistic"] = Nonlinearity.Sigmoid,
            ["swish"] = Nonlinearity.SiLU,
            ["gelu_erf"] = Nonlinearity.GELU,
            ["gelu_new"] = Nonlinearity.GELUTanh,
            ["approximate_gelu"] = Nonlinearity.GELUTanh,
            ["conv_transpose1d"] = Nonlinearity.ConvTranspose1d,
            ["conv_transpose2d"] = Nonlinearity.ConvTranspose2d,
            ["conv_transpose3d"] = Nonlinearity.ConvTranspose3d,
        });

        private static readonly Dictionary<string, DistributionKind> DistributionAliases = Build(new Dictionary<string, DistributionKind>
        {
            ["gaussian"] = DistributionKind.Normal,
            ["untruncated_normal"] = DistributionKind.Normal,
            ["trunc_normal"] = DistributionKind.TruncatedNormal,
            ["truncnormal"] = DistributionKind.TruncatedNormal,
        });

        private static readonly Dictionary<string, FanMode> FanModeAliases = Build(new Dictionary<string, FanMode>
        {
            ["in"] = FanMode.FanIn,
            ["out"] = FanMode.FanOut,
            ["avg"] = FanMode.FanAvg,
            ["fan_average"] = FanMode.FanAvg,
        });

        private static readonly Dictionary<string, TensorLayout> LayoutAliases = Build(new Dictionary<string, TensorLayout>
        {
            ["pytorch"] = TensorLayout.Torch,
            ["onnx"] = TensorLayout.Torch,
            ["oihw"] = TensorLayout.Torch,
            ["tensorflow"] = TensorLayout.Keras,
            ["tf"] = TensorLayout.Keras,
            ["jax"] = TensorLayout.Keras,
            ["flax"] = TensorLayout.Keras,
            ["hwio"] = TensorLayout.Keras,
            ["conv_transpose"] = TensorLayout.TorchTranspose,
        });

        private static readonly Dictionary<string, InitScheme> SchemeAliases = Build(new Dictionary<string, InitScheme>
        {
            ["he"] = InitScheme.Kaiming,
            ["msra"] = InitScheme.Kaiming,
            ["glorot"] = InitScheme.Xavier,
            ["variance_scaling"] = InitScheme.VarianceScaling,
            ["eye"] = InitScheme.Identity,
            ["zero"] = InitScheme.Zeros,
            ["one"] = InitScheme.Ones,
        });

        /// <summary>Reads a nonlinearity name.</summary>
        /// <exception cref="InitArgumentException"><c>UnknownNonlinearity</c>, listing the valid names.</exception>
        public static Nonlinearity ParseNonlinearity(string name) => Parse(NonlinearityAliases, name, "UnknownNonlinearity", "Nonlinearity");

        /// <summary>Reads a distribution name.</summary>
        /// <exception cref="InitArgumentException"><c>UnknownDistribution</c>, listing the valid names.</exception>
        public static DistributionKind ParseDistribution(string name) => Parse(DistributionAliases, name, "UnknownDistribution", "Distribution");

        /// <summary>Reads a fan mode name.</summary>
        /// <exception cref="InitArgumentException"><c>UnknownMode</c>, listing the valid names.</exception>
        public static FanMode ParseFanMode(string name) => Parse(FanModeAliases, name, "UnknownMode", "Mode");

        /// <summary>Reads a layout name.</summary>
        /// <exception cref="InitArgumentException"><c>UnknownLayout</c>, listing the valid names.</exception>
        public static TensorLayout ParseLayout(string name) => Parse(LayoutAliases, name, "UnknownLayout", "Layout");

        /// <summary>Reads a scheme name.</summary>
        /// <exception cref="InitArgumentException"><c>UnknownScheme</c>, listing the valid names.</exception>
        public static InitScheme ParseScheme(string name) => Parse(SchemeAliases, name, "UnknownScheme", "Scheme");

        /// <summary>Names to offer for completion: the canonical names, then PyTorch/Keras spellings.</summary>
        public static IReadOnlyList<string> NonlinearityNames => Suggestions(NonlinearityAliases, ((Nonlinearity[])Enum.GetValues(typeof(Nonlinearity))).Select(PyTorchName));

        /// <inheritdoc cref="NonlinearityNames"/>
        public static IReadOnlyList<string> DistributionNames => Suggestions(DistributionAliases, new[] { "uniform", "normal", "truncated_normal" });

        /// <inheritdoc cref="NonlinearityNames"/>
        public static IReadOnlyList<string> FanModeNames => Suggestions(FanModeAliases, new[] { "fan_in", "fan_out", "fan_avg" });

        /// <inheritdoc cref="NonlinearityNames"/>
        public static IReadOnlyList<string> LayoutNames => Suggestions(LayoutAliases, Array.Empty<string>());

        /// <inheritdoc cref="NonlinearityNames"/>
        public static IReadOnlyList<string> SchemeNames => Suggestions(SchemeAliases, new[] { "He", "Glorot" });

        /// <summary>PyTorch's spelling of a nonlinearity (<c>leaky_relu</c>, <c>conv_transpose2d</c>, <c>relu</c>).</summary>
        public static string PyTorchName(Nonlinearity nonlinearity) => nonlinearity switch
        {
            Nonlinearity.ConvTranspose1d => "conv_transpose1d",
            Nonlinearity.ConvTranspose2d => "conv_transpose2d",
            Nonlinearity.ConvTranspose3d => "conv_transpose3d",
            Nonlinearity.LeakyReLU => "leaky_relu",
            Nonlinearity.GELUTanh => "gelu_tanh",
            _ => nonlinearity.ToString().ToLowerInvariant(),
        };

        /// <summary>Drops case, underscores, hyphens and spaces: <c>Leaky_ReLU</c> → <c>leakyrelu</c>.</summary>
        internal static string Normalize(string name) =>
            new string(name.Where(c => c != '_' && c != '-' && c != ' ').ToArray()).ToLowerInvariant();

        private static T Parse<T>(Dictionary<string, T> names, string? name, string errorId, string paramName)
            where T : struct, Enum
        {
            if (name is not null && names.TryGetValue(Normalize(name), out T value))
            {
                return value;
            }

            throw new InitArgumentException(errorId, paramName,
                $"Unknown {paramName.ToLowerInvariant()} '{name}'. Valid names: {string.Join(", ", Enum.GetNames(typeof(T)))}.");
        }

        private static string[] Suggestions<T>(Dictionary<string, T> aliases, IEnumerable<string> spellings)
            where T : struct, Enum
        {
            // Every suggestion must parse: filter the extra spellings through the alias table.
            return Enum.GetNames(typeof(T))
                .Concat(spellings.Where(name => aliases.ContainsKey(Normalize(name))))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
        }

        private static Dictionary<string, T> Build<T>(Dictionary<string, T> aliases)
            where T : struct, Enum
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (T value in Enum.GetValues(typeof(T)))
            {
                map[Normalize(value.ToString())] = value;
            }

            foreach (var alias in aliases)
            {
                map[Normalize(alias.Key)] = alias.Value;
            }

            return map;
        }
    }
}
