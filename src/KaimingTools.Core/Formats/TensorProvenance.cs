using System;
using System.Collections.Generic;
using System.Globalization;
using KaimingTools.Distributions;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// Where a tensor came from — layout, groups, the initialiser's numbers, seed and stream version — and
    /// its round trip through a safetensors <c>__metadata__</c> map (string → string). Each tensor's entries
    /// are keyed <c>{name}.{field}</c> (fields: scheme, distribution, fan_in, fan_out, mode, nonlinearity,
    /// negative_slope, gain, std, bound, seed, stream_version, layout, groups), so several tensors share one map.
    /// </summary>
    internal sealed class TensorProvenance
    {
        private const string InvalidMetadata = "SafetensorsInvalidMetadata";

        public TensorProvenance(TensorLayout layout, int groups, InitBounds? init, ulong? seed, int? streamVersion)
        {
            Layout = layout;
            Groups = groups;
            Init = init;
            Seed = seed;
            StreamVersion = streamVersion;
        }

        public TensorLayout Layout { get; }

        public int Groups { get; }

        public InitBounds? Init { get; }

        public ulong? Seed { get; }

        public int? StreamVersion { get; }

        /// <summary>A tensor's provenance.</summary>
        public static TensorProvenance Of(WeightTensor tensor) =>
            new(tensor.Layout, tensor.Groups, tensor.Init, tensor.Seed, tensor.StreamVersion);

        /// <summary>The tensor with these data, shape, name and this provenance.</summary>
        public WeightTensor ToTensor(Array data, IReadOnlyList<long> shape, string name) =>
            new(data, shape, Layout, Groups, Init, Seed, StreamVersion) { Name = name };

        /// <summary>Adds this provenance's entries for tensor <paramref name="name"/>.</summary>
        public void AddTo(IDictionary<string, string> metadata, string name)
        {
            metadata[name + ".layout"] = Layout.ToString();
            metadata[name + ".groups"] = Groups.ToString(CultureInfo.InvariantCulture);
            if (Seed is ulong seed)
            {
                metadata[name + ".seed"] = seed.ToString(CultureInfo.InvariantCulture);
            }

            if (StreamVersion is int version)
            {
                metadata[name + ".stream_version"] = version.ToString(CultureInfo.InvariantCulture);
            }

            if (Init is not InitBounds init)
            {
                return;
            }

            metadata[name + ".scheme"] = init.Scheme.ToString();
            metadata[name + ".distribution"] = init.Distribution.ToString();
            metadata[name + ".mode"] = init.Mode.ToString();
            metadata[name + ".fan_in"] = InitArgumentException.Format(init.FanIn);
            metadata[name + ".fan_out"] = InitArgumentException.Format(init.FanOut);
            metadata[name + ".gain"] = InitArgumentException.Format(init.Gain);
            metadata[name + ".std"] = InitArgumentException.Format(init.Std);
            metadata[name + ".bound"] = InitArgumentException.Format(init.Bound);
            if (init.Nonlinearity is Nonlinearity nonlinearity)
            {
                metadata[name + ".nonlinearity"] = nonlinearity.ToString();
            }

            if (init.NegativeSlope is double slope)
            {
                metadata[name + ".negative_slope"] = InitArgumentException.Format(slope);
            }
        }

        /// <summary>
        /// Reads tensor <paramref name="name"/>'s entries; absent entries mean unknown (files from other tools
        /// have none). The initialiser is rebuilt when a scheme is recorded, and its std and bound must match.
        /// </summary>
        /// <exception cref="TensorFileException"><c>SafetensorsInvalidMetadata</c>: a recorded value is unreadable or inconsistent.</exception>
        public static TensorProvenance FromMetadata(IReadOnlyDictionary<string, string> metadata, string name, string? path)
        {
            var reader = new FieldReader(metadata, name, path);
            TensorLayout layout = reader.Optional("layout", Names.ParseLayout) ?? TensorLayout.Torch;
            int groups = reader.Optional("groups", s => ParseInt(s, 1)) ?? 1;
            ulong? seed = reader.Optional("seed", s => ulong.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture));
            int? streamVersion = reader.Optional("stream_version", s => ParseInt(s, 1));
            InitBounds? init = null;
            InitScheme? scheme = reader.Optional("scheme", Names.ParseScheme);
            if (scheme is InitScheme s)
            {
                DistributionKind distribution = reader.Required("distribution", Names.ParseDistribution);
                FanMode mode = reader.Required("mode", Names.ParseFanMode);
                double fanIn = reader.Required("fan_in", ParseDouble);
                double fanOut = reader.Required("fan_out", ParseDouble);
                double gain = reader.Required("gain", ParseDouble);
                Nonlinearity? nonlinearity = reader.Optional("nonlinearity", Names.ParseNonlinearity);
                double? slope = reader.Optional("negative_slope", ParseDouble);
                init = reader.Guard("scheme", () => Initializer.Restore(s, mode, nonlinearity, slope, gain, distribution).Bounds(new Fans(fanIn, fanOut)));
                reader.Check("std", init.Std);
                reader.Check("bound", init.Bound);
            }

            return new TensorProvenance(layout, groups, init, seed, streamVersion);
        }

        private static int ParseInt(string s, int minimum)
        {
            int value = int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
            return value >= minimum ? value : throw new FormatException($"must be at least {minimum}");
        }

        private static double ParseDouble(string s) =>
            double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

        /// <summary>Reads one tensor's fields, turning any parse failure into <c>SafetensorsInvalidMetadata</c>.</summary>
        private sealed class FieldReader
        {
            private readonly IReadOnlyDictionary<string, string> _metadata;
            private readonly string _name;
            private readonly string? _path;

            public FieldReader(IReadOnlyDictionary<string, string> metadata, string name, string? path)
            {
                _metadata = metadata;
                _name = name;
                _path = path;
            }

            public T? Optional<T>(string field, Func<string, T> parse)
                where T : struct =>
                _metadata.TryGetValue(_name + "." + field, out string? text) ? Guard(field, () => parse(text)) : null;

            public T Required<T>(string field, Func<string, T> parse)
                where T : struct =>
                Optional(field, parse) ?? throw Invalid(field, "is missing (a scheme is recorded, so the initialiser's numbers must be too)");

            public void Check(string field, double expected)
            {
                if (_metadata.TryGetValue(_name + "." + field, out string? text) && text != InitArgumentException.Format(expected))
                {
                    throw Invalid(field, $"is '{text}' but the recorded scheme, fans and gain give {InitArgumentException.Format(expected)}");
                }
            }

            public T Guard<T>(string field, Func<T> read)
            {
                try
                {
                    return read();
                }
                catch (Exception e) when (e is FormatException || e is OverflowException || e is ArgumentException)
                {
                    throw Invalid(field, $"cannot be read: {e.Message}");
                }
            }

            private TensorFileException Invalid(string field, string detail) =>
                TensorFileException.Invalid(InvalidMetadata, _path, $"The metadata entry '{_name}.{field}' {detail}.");
        }
    }
}
