using System;
using System.Collections.Generic;
using System.Threading;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Tensors;

namespace KaimingTools
{
    /// <summary>
    /// A weight initialiser: a scheme, the fan it scales by, a gain and a distribution. Every scheme is
    /// variance scaling, Var[w] = gain²/fan; they differ in where the gain and the fan come from:
    /// Kaiming (gain from the nonlinearity, fan_in or fan_out), Xavier (fan_avg), LeCun (gain 1,
    /// fan_in), VarianceScaling (gain² = scale).
    /// </summary>
    public sealed class Initializer
    {
        private Initializer(InitScheme scheme, FanMode mode, Nonlinearity? nonlinearity, double? negativeSlope, double gain, DistributionKind distribution)
        {
            if (!Enum.IsDefined(typeof(DistributionKind), distribution))
            {
                throw new InitArgumentException("UnknownDistribution", "Distribution", $"Unknown distribution '{distribution}'.");
            }

            if (!Enum.IsDefined(typeof(FanMode), mode))
            {
                throw new InitArgumentException("UnknownMode", "Mode", $"Unknown mode '{mode}'.");
            }

            Scheme = scheme;
            Mode = mode;
            Nonlinearity = nonlinearity;
            NegativeSlope = negativeSlope;
            Gain = gain;
            Distribution = distribution;
        }

        /// <summary>The scheme.</summary>
        public InitScheme Scheme { get; }

        /// <summary>The fan the variance is scaled by.</summary>
        public FanMode Mode { get; }

        /// <summary>The nonlinearity the gain comes from; null when the gain was given directly.</summary>
        public Nonlinearity? Nonlinearity { get; }

        /// <summary>Leaky ReLU's slope when it applies (0.01 if only LeakyReLU was named).</summary>
        public double? NegativeSlope { get; }

        /// <summary>The gain; Var[w] = gain²/fan.</summary>
        public double Gain { get; }

        /// <summary>The distribution drawn from.</summary>
        public DistributionKind Distribution { get; }

        /// <summary>
        /// Kaiming He initialisation (He et al. 2015, eqs. 10 and 14): Var[w] = gain²/fan. PyTorch's
        /// <c>kaiming_uniform_</c>/<c>kaiming_normal_</c>; <see cref="DistributionKind.TruncatedNormal"/> is
        /// Keras/JAX <c>he_normal</c>.
        /// </summary>
        /// <param name="distribution">Normal (the paper's), Uniform or TruncatedNormal.</param>
        /// <param name="mode">FanIn (forward) or FanOut (backward).</param>
        /// <param name="nonlinearity">The nonlinearity after the layer; ReLU by default.</param>
        /// <param name="negativeSlope">Leaky ReLU's slope (finite, ≥ 0).</param>
        /// <param name="gain">A gain to use instead of the nonlinearity's (positive, finite).</param>
        /// <exception cref="InitArgumentException">Invalid gain, slope or mode; a gain together with a nonlinearity.</exception>
        public static Initializer Kaiming(
            DistributionKind distribution = DistributionKind.Normal,
            FanMode mode = FanMode.FanIn,
            Nonlinearity? nonlinearity = null,
            double? negativeSlope = null,
            double? gain = null)
        {
            if (mode == FanMode.FanAvg)
            {
                throw new InitArgumentException("InvalidModeForScheme", "Mode",
                    "Kaiming initialisation scales by FanIn or FanOut; FanAvg is Xavier's (use the Xavier or VarianceScaling scheme).");
            }

            return WithGain(InitScheme.Kaiming, mode, distribution, nonlinearity ?? (negativeSlope is null ? KaimingTools.Nonlinearity.ReLU : KaimingTools.Nonlinearity.LeakyReLU), negativeSlope, gain, nonlinearity is not null);
        }

        /// <summary>
        /// Xavier/Glorot initialisation (Glorot &amp; Bengio 2010, eq. 16): Var[w] = gain²·2/(fan_in + fan_out);
        /// PyTorch's <c>xavier_uniform_</c>/<c>xavier_normal_</c> (gain 1 by default).
        /// </summary>
        public static Initializer Xavier(
            DistributionKind distribution = DistributionKind.Uniform,
            Nonlinearity? nonlinearity = null,
            double? negativeSlope = null,
            double? gain = null) =>
            WithGain(InitScheme.Xavier, FanMode.FanAvg, distribution, nonlinearity ?? KaimingTools.Nonlinearity.Linear, negativeSlope, gain, nonlinearity is not null);

        /// <summary>
        /// LeCun initialisation (LeCun et al. 1998): Var[w] = 1/fan_in. Keras' <c>lecun_normal</c> is the
        /// <see cref="DistributionKind.TruncatedNormal"/> variant, <c>lecun_uniform</c> the uniform one.
        /// </summary>
        public static Initializer LeCun(DistributionKind distribution = DistributionKind.Normal) =>
            new(InitScheme.LeCun, FanMode.FanIn, KaimingTools.Nonlinearity.Linear, null, 1.0, distribution);

        /// <summary>
        /// Keras' <c>VarianceScaling(scale, mode, distribution)</c>: Var[w] = scale/fan (gain = √scale).
        /// <c>he_normal</c> is (2, FanIn, TruncatedNormal); <c>glorot_uniform</c> is (1, FanAvg, Uniform).
        /// </summary>
        /// <exception cref="InitArgumentException">scale not positive and finite (<c>InvalidScale</c>).</exception>
        public static Initializer VarianceScaling(
            double scale = 1.0,
            FanMode mode = FanMode.FanIn,
            DistributionKind distribution = DistributionKind.TruncatedNormal)
        {
            InitArgumentException.RequirePositiveFinite(scale, "InvalidScale", "Scale");
            return new(InitScheme.VarianceScaling, mode, null, null, Math.Sqrt(scale), distribution);
        }

        /// <summary>
        /// One entry point for front ends: builds the initialiser a scheme and optional settings describe,
        /// with each scheme's own defaults (Kaiming: Normal, FanIn, ReLU; Xavier: Uniform, gain 1; LeCun:
        /// Normal; VarianceScaling: TruncatedNormal, FanIn, scale 1), and refuses settings a scheme does not
        /// have rather than ignoring them.
        /// </summary>
        /// <exception cref="InitArgumentException">An invalid value, or a setting the scheme does not take
        /// (<c>ParameterNotApplicable</c>).</exception>
        public static Initializer Create(
            InitScheme scheme,
            DistributionKind? distribution = null,
            FanMode? mode = null,
            Nonlinearity? nonlinearity = null,
            double? negativeSlope = null,
            double? gain = null,
            double? scale = null)
        {
            switch (scheme)
            {
                case InitScheme.Kaiming:
                    NotApplicable(scheme, ("Scale", scale));
                    return Kaiming(distribution ?? DistributionKind.Normal, mode ?? FanMode.FanIn, nonlinearity, negativeSlope, gain);
                case InitScheme.Xavier:
                    NotApplicable(scheme, ("Scale", scale));
                    if (mode is FanMode m && m != FanMode.FanAvg)
                    {
                        throw new InitArgumentException("ParameterNotApplicable", "Mode",
                            $"Xavier initialisation always scales by FanAvg; for {m} use Kaiming or VarianceScaling.");
                    }

                    return Xavier(distribution ?? DistributionKind.Uniform, nonlinearity, negativeSlope, gain);
                case InitScheme.LeCun:
                    NotApplicable(scheme, ("Scale", scale), ("Gain", gain), ("NegativeSlope", negativeSlope), ("Nonlinearity", nonlinearity));
                    if (mode is FanMode lm && lm != FanMode.FanIn)
                    {
                        throw new InitArgumentException("ParameterNotApplicable", "Mode",
                            $"LeCun initialisation always scales by FanIn; for {lm} use VarianceScaling.");
                    }

                    return LeCun(distribution ?? DistributionKind.Normal);
                case InitScheme.VarianceScaling:
                    NotApplicable(scheme, ("Gain", gain), ("NegativeSlope", negativeSlope), ("Nonlinearity", nonlinearity));
                    return VarianceScaling(scale ?? 1.0, mode ?? FanMode.FanIn, distribution ?? DistributionKind.TruncatedNormal);
                case InitScheme.Orthogonal:
                case InitScheme.Identity:
                case InitScheme.Dirac:
                case InitScheme.Sparse:
                case InitScheme.Constant:
                case InitScheme.Zeros:
                case InitScheme.Ones:
                    // Their weights are structured or constant: no density, std or bound to give.
                    throw new InitArgumentException("NoElementwiseDistribution", "Scheme",
                        $"The {scheme} scheme has no elementwise distribution (its weights are structured or constant), so it has no density, bounds or fit test; make such weights with New-InitWeights -Scheme {scheme} (StructuredInit.Generate).");
                default:
                    throw new InitArgumentException("UnknownScheme", "Scheme", $"Unknown scheme '{scheme}'.");
            }
        }

        /// <summary>
        /// Rebuilds an initialiser from recorded provenance (a file's metadata): the gain is taken as recorded,
        /// not re-derived, so <see cref="Bounds"/> reproduces the recorded std and bound exactly. Used by
        /// <see cref="Formats.SafetensorsFormat"/> on import; the public factories stay the only way to choose one.
        /// </summary>
        /// <exception cref="InitArgumentException">An undefined scheme, mode or distribution, or a gain or slope that is not positive/finite.</exception>
        internal static Initializer Restore(InitScheme scheme, FanMode mode, Nonlinearity? nonlinearity, double? negativeSlope, double gain, DistributionKind distribution)
        {
            if (!Enum.IsDefined(typeof(InitScheme), scheme))
            {
                throw new InitArgumentException("UnknownScheme", "Scheme", $"Unknown scheme '{scheme}'.");
            }

            if (nonlinearity is Nonlinearity n && !Enum.IsDefined(typeof(Nonlinearity), n))
            {
                throw new InitArgumentException("UnknownNonlinearity", "Nonlinearity", $"Unknown nonlinearity '{n}'.");
            }

            if (negativeSlope is double slope && (slope < 0 || double.IsNaN(slope) || double.IsInfinity(slope)))
            {
                throw new InitArgumentException("InvalidNegativeSlope", "NegativeSlope", $"NegativeSlope must be finite and non-negative; got {InitArgumentException.Format(slope)}.");
            }

            InitArgumentException.RequirePositiveFinite(gain, "InvalidGain", "Gain");
            return new(scheme, mode, nonlinearity, negativeSlope, gain, distribution);
        }

        /// <summary>The numbers (fans, gain, std, bound, support) for a layer with these fans.</summary>
        public InitBounds Bounds(Fans fans) => new(this, fans);

        /// <summary>
        /// The exact distribution the weights of a layer with these fans follow: Uniform(−b, b),
        /// Normal(0, σ²) or the normal truncated at ±2σ' whose std is σ.
        /// </summary>
        public IContinuousDistribution DistributionFor(Fans fans) => Bounds(fans).CreateDistribution();

        /// <summary>
        /// The scale parameter <see cref="CounterSampler"/> takes for these fans: b, σ or the parent σ'.
        /// </summary>
        public double SamplerScale(Fans fans)
        {
            InitBounds bounds = Bounds(fans);
            return Distribution switch
            {
                DistributionKind.Uniform => bounds.Bound,
                DistributionKind.Normal => bounds.Std,
                _ => bounds.Upper / 2, // the parent σ': InitBounds cuts at ±2σ' (halving is exact)
            };
        }

        /// <summary>
        /// Generates a weight tensor of the given shape. Element i depends only on (seed, i): the same
        /// seed gives the same bits on every machine (see <see cref="CounterSampler"/>).
        /// </summary>
        /// <param name="shape">The weight's dimensions (at least 2, all positive).</param>
        /// <param name="layout">How to read fans from the shape.</param>
        /// <param name="groups">Convolution groups.</param>
        /// <param name="seed">The seed; a fresh random one (recorded in the tensor) when null.</param>
        /// <param name="elementType">float32 (default) or float64.</param>
        /// <param name="cancellationToken">Checked between chunks of about a million elements.</param>
        /// <param name="progress">Told the number of elements done after each chunk, on the calling thread.</param>
        /// <param name="maxDegreeOfParallelism">Most threads to generate on (≥ 1); null for one per core. The bits do not depend on it.</param>
        /// <exception cref="InitArgumentException">An invalid shape, a tensor too large to hold in memory (<c>TensorTooLarge</c>),
        /// or a degree of parallelism below 1 (<c>InvalidThrottleLimit</c>).</exception>
        /// <exception cref="OperationCanceledException">Cancelled.</exception>
        public WeightTensor Generate(
            IReadOnlyList<long> shape,
            TensorLayout layout = TensorLayout.Torch,
            int groups = 1,
            ulong? seed = null,
            TensorElementType elementType = TensorElementType.Single,
            CancellationToken cancellationToken = default,
            IProgress<long>? progress = null,
            int? maxDegreeOfParallelism = null)
        {
            if (maxDegreeOfParallelism < 1)
            {
                throw new InitArgumentException("InvalidThrottleLimit", "ThrottleLimit",
                    $"ThrottleLimit must be at least 1; got {maxDegreeOfParallelism}.");
            }

            Fans fans = Fans.FromShape(shape, layout, groups);
            long count = Fans.ValidateShape(shape);
            MemoryLimits.EnsureCanAllocate(count, elementType);
            ulong actualSeed = seed ?? Seeds.NewSeed();
            double scale = SamplerScale(fans);

            Array data;
            if (elementType == TensorElementType.Double)
            {
                var values = new double[count];
                CounterSampler.Fill(values, Distribution, scale, actualSeed, 0, maxDegreeOfParallelism, cancellationToken, progress);
                data = values;
            }
            else
            {
                var values = new float[count];
                CounterSampler.Fill(values, Distribution, scale, actualSeed, 0, maxDegreeOfParallelism, cancellationToken, progress);
                data = values;
            }

            return new WeightTensor(data, shape, layout, groups, Bounds(fans), actualSeed, CounterSampler.StreamVersion);
        }

        private static void NotApplicable(InitScheme scheme, params (string Name, object? Value)[] settings)
        {
            foreach (var (name, value) in settings)
            {
                if (value is not null)
                {
                    throw new InitArgumentException("ParameterNotApplicable", name,
                        $"{name} does not apply to the {scheme} scheme.");
                }
            }
        }

        private static Initializer WithGain(InitScheme scheme, FanMode mode, DistributionKind distribution, Nonlinearity nonlinearity, double? negativeSlope, double? gain, bool nonlinearityNamed)
        {
            if (gain is double g)
            {
                if (nonlinearityNamed || negativeSlope is not null)
                {
                    throw new InitArgumentException("GainWithNonlinearity", "Gain",
                        "Give either a gain or a nonlinearity (and slope) to derive it from, not both.");
                }

                InitArgumentException.RequirePositiveFinite(g, "InvalidGain", "Gain");
                return new(scheme, mode, null, null, g, distribution);
            }

            GainInfo derived = Gains.Describe(nonlinearity, negativeSlope);
            return new(scheme, mode, nonlinearity, derived.NegativeSlope, derived.Gain, distribution);
        }
    }
}
