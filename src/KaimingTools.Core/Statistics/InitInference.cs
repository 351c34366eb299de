using System;
using System.Collections.Generic;
using System.Linq;
using KaimingTools.Distributions;
using KaimingTools.Tensors;

namespace KaimingTools.Statistics
{
    /// <summary>
    /// Which initialisation produced these weights? Ranks the schemes of PyTorch's, Keras' and JAX's init
    /// modules by how well each candidate's exact distribution fits the sample (one-sample
    /// Kolmogorov–Smirnov test), best first.
    /// </summary>
    /// <remarks>
    /// <para>Candidates, for the layer's fan_in and fan_out (in this order, which breaks ties):
    /// PyTorch's nn.Linear/Conv default kaiming_uniform_(a=√5) = U(±1/√fan_in); Kaiming normal and uniform
    /// with ReLU at fan_in (kaiming_normal_/kaiming_uniform_ defaults, Keras he_uniform); Xavier uniform and
    /// normal; LeCun normal and uniform; Keras/JAX truncated normals he_normal, glorot_normal, lecun_normal;
    /// Kaiming normal and uniform at fan_in with leaky ReLU (0.01) and tanh (5/3); the same at fan_out
    /// with ReLU, leaky ReLU, linear and tanh; normals with fixed std 0.02 (BERT/GPT-2) and 0.01. Kaiming at
    /// fan_in with gain 1 is LeCun and is listed once, as LeCun.</para>
    /// <para>Ranking: by KS p-value, then by the statistic D. A candidate whose support does not contain every
    /// value (a uniform or truncated normal narrower than the sample) cannot have produced it: its p-value is
    /// set to 0. Candidates of the same family whose standard deviations differ by less than a quarter of
    /// the standard error of the sample's std (relative difference ≤ 0.25/√(2N)), or not at all, cannot be
    /// told apart by this sample: Kaiming fan_in with gain g and fan n is the same distribution as any
    /// other (gain, fan) with the same g²/n, e.g. ReLU at fan_in = 2·fan_out and linear at fan_out. Such
    /// candidates share a <see cref="InitCandidateFit.Rank"/> and are listed in the candidate order above
    /// (the most common first; fan_in, the default mode of PyTorch and Keras, before fan_out), not by
    /// their p-values, whose differences are noise.</para>
    /// <para><see cref="InitCandidateFit.Fits"/> is p ≥ alpha for that candidate alone; the p-values are not
    /// adjusted for testing many candidates. After the ranked candidates comes one reference row, not
    /// ranked: the normal with the fitted std σ̂ = √(Σx²/N) (maximum likelihood for mean 0). Its p-value is
    /// optimistic (the parameter was estimated from the same sample; Lilliefors 1967), so it shows how
    /// normal the sample is, not which scheme made it.</para>
    /// </remarks>
    public static class InitInference
    {
        /// <summary>Values at most this far (relative) outside a support still count as inside: float32 rounding of the bound.</summary>
        private const double SupportSlack = 1e-6;

        /// <summary>Ranks the candidates for a tensor; the layer's fans come from its shape, layout and groups.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="tensor"/> is null.</exception>
        /// <exception cref="InitArgumentException">The tensor's shape has no fans (fewer than 2 dimensions), or it contains NaN (<c>SampleHasNaN</c>).</exception>
        public static InitInferenceResult Infer(WeightTensor tensor, double alpha = InitFitTest.DefaultAlpha)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(nameof(tensor));
            }

            Fans fans = Fans.FromShape(tensor.Shape, tensor.Layout, tensor.Groups);
            return InferSorted(tensor.ToDoubleArray(), fans, alpha);
        }

        /// <summary>Ranks the candidates for a sample of a layer with these fans.</summary>
        /// <param name="sample">The weights (at least one; no NaN).</param>
        /// <param name="fans">The layer's fan_in and fan_out.</param>
        /// <param name="alpha">The significance level for <see cref="InitCandidateFit.Fits"/>, in (0, 1).</param>
        /// <exception cref="InitArgumentException">An empty sample (<c>NoValues</c>), NaN (<c>SampleHasNaN</c>).</exception>
        /// <exception cref="ArgumentOutOfRangeException">alpha not in (0, 1).</exception>
        public static InitInferenceResult Infer(ReadOnlySpan<double> sample, Fans fans, double alpha = InitFitTest.DefaultAlpha) =>
            InferSorted(sample.ToArray(), fans, alpha);

        /// <summary>The candidates for a layer with these fans, in tie-breaking order.</summary>
        public static IReadOnlyList<InitCandidate> Candidates(Fans fans)
        {
            var list = new List<InitCandidate>
            {
                Scheme("kaiming_uniform_(a=√5) (PyTorch nn.Linear/Conv default)", Initializer.Kaiming(DistributionKind.Uniform, FanMode.FanIn, gain: Math.Sqrt(1.0 / 3)), fans, "leaky_relu(√5)"),
                Scheme("kaiming_normal_ (he_normal untruncated)", Initializer.Kaiming(DistributionKind.Normal, FanMode.FanIn, Nonlinearity.ReLU), fans),
                Scheme("kaiming_uniform_ (Keras he_uniform)", Initializer.Kaiming(DistributionKind.Uniform, FanMode.FanIn, Nonlinearity.ReLU), fans),
                Scheme("xavier_uniform_ (glorot_uniform)", Initializer.Xavier(DistributionKind.Uniform), fans),
                Scheme("xavier_normal_", Initializer.Xavier(DistributionKind.Normal), fans),
                Scheme("lecun_normal (untruncated)", Initializer.LeCun(DistributionKind.Normal), fans),
                Scheme("lecun_uniform (Keras)", Initializer.LeCun(DistributionKind.Uniform), fans),
                Scheme("he_normal (Keras/JAX)", Initializer.Kaiming(DistributionKind.TruncatedNormal, FanMode.FanIn, Nonlinearity.ReLU), fans),
                Scheme("glorot_normal (Keras/JAX)", Initializer.Xavier(DistributionKind.TruncatedNormal), fans),
                Scheme("lecun_normal (Keras/JAX)", Initializer.LeCun(DistributionKind.TruncatedNormal), fans),
            };

            foreach (FanMode mode in new[] { FanMode.FanIn, FanMode.FanOut })
            {
                foreach (Nonlinearity n in new[] { Nonlinearity.ReLU, Nonlinearity.LeakyReLU, Nonlinearity.Linear, Nonlinearity.Tanh })
                {
                    if (mode == FanMode.FanIn && (n == Nonlinearity.ReLU || n == Nonlinearity.Linear))
                    {
                        continue; // listed above (ReLU) or as LeCun (linear)
                    }

                    foreach (DistributionKind kind in new[] { DistributionKind.Normal, DistributionKind.Uniform })
                    {
                        string name = $"kaiming_{kind.ToString().ToLowerInvariant()}_(mode='{(mode == FanMode.FanIn ? "fan_in" : "fan_out")}', nonlinearity='{Names.PyTorchName(n)}')";
                        list.Add(Scheme(name, Initializer.Kaiming(kind, mode, n), fans));
                    }
                }
            }

            list.Add(FixedStd("normal_(std=0.02) (BERT/GPT-2)", "FixedStd", 0.02));
            list.Add(FixedStd("normal_(std=0.01)", "FixedStd", 0.01));
            return list;
        }

        private static InitInferenceResult InferSorted(double[] values, Fans fans, double alpha)
        {
            if (!(alpha > 0 && alpha < 1))
            {
                throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "The significance level must be between 0 and 1.");
            }

            if (values.Length == 0)
            {
                throw new InitArgumentException("NoValues", "Value", "There are no weights to infer the initialisation from.");
            }

            double sumSquares = 0;
            foreach (double v in values)
            {
                if (double.IsNaN(v))
                {
                    throw new InitArgumentException("SampleHasNaN", "Value", "The weights contain NaN.");
                }

                sumSquares += v * v;
            }

            Array.Sort(values);
            int n = values.Length;
            double min = values[0], max = values[n - 1];
            IReadOnlyList<InitCandidate> candidates = Candidates(fans);
            var fits = new List<(InitCandidate Candidate, KolmogorovSmirnovResult Ks, bool Inside, int Order)>();
            for (int i = 0; i < candidates.Count; i++)
            {
                InitCandidate c = candidates[i];
                bool inside = Inside(min, c.Exact) && Inside(max, c.Exact);
                fits.Add((c, KolmogorovSmirnov.TestSorted(values, c.Exact), inside, i));
            }

            var byFit = fits
                .OrderByDescending(f => f.Inside ? f.Ks.PValue : 0.0)
                .ThenBy(f => f.Ks.Statistic)
                .ThenBy(f => f.Order)
                .ToList();

            // Tie groups: the best remaining candidate and every candidate indistinguishable from it.
            double tieTolerance = Math.Max(1e-12, 0.25 / Math.Sqrt(2.0 * n));
            var ranked = new List<InitCandidateFit>();
            int rank = 0;
            while (byFit.Count > 0)
            {
                rank++;
                var leader = byFit[0];
                var group = byFit.Where(f => Equivalent(f.Candidate, leader.Candidate, tieTolerance)).OrderBy(f => f.Order).ToList();
                foreach (var f in group)
                {
                    byFit.Remove(f);
                    ranked.Add(new InitCandidateFit(rank, f.Candidate, f.Ks.Statistic, f.Inside ? f.Ks.PValue : 0.0, alpha, group.Count > 1));
                }
            }

            double fittedStd = Math.Sqrt(sumSquares / n);
            InitCandidateFit? reference = null;
            if (fittedStd > 0 && !double.IsInfinity(fittedStd))
            {
                InitCandidate mle = FixedStd("normal with fitted std √(Σx²/N) (reference, not ranked)", "FittedStd", fittedStd);
                KolmogorovSmirnovResult ks = KolmogorovSmirnov.TestSorted(values, mle.Exact);
                reference = new InitCandidateFit(0, mle, ks.Statistic, ks.PValue, alpha, false);
            }

            return new InitInferenceResult(ranked, reference, fans, n, alpha);
        }

        private static bool Inside(double x, IContinuousDistribution d) =>
            x >= d.Minimum - (SupportSlack * Math.Abs(d.Minimum)) && x <= d.Maximum + (SupportSlack * Math.Abs(d.Maximum));

        private static bool Equivalent(InitCandidate a, InitCandidate b, double tolerance) =>
            a.Distribution == b.Distribution && Math.Abs((a.Std / b.Std) - 1.0) <= tolerance;

        private static InitCandidate Scheme(string name, Initializer init, Fans fans, string? nonlinearity = null)
        {
            InitBounds bounds = init.Bounds(fans);
            return new InitCandidate(
                name,
                init.Scheme.ToString(),
                init.Distribution,
                init.Mode,
                nonlinearity ?? (init.Nonlinearity is Nonlinearity nl ? Names.PyTorchName(nl) : null),
                bounds.Fan,
                bounds.Gain,
                bounds.CreateDistribution());
        }

        // A fixed std σ is Var = Gain²/Fan with gain 1 and effective fan 1/σ².
        private static InitCandidate FixedStd(string name, string scheme, double std) =>
            new(name, scheme, DistributionKind.Normal, null, null, 1.0 / (std * std), 1.0, new Normal(0, std));
    }

    /// <summary>One candidate initialisation for a layer: a scheme with its settings and its exact distribution.</summary>
    public sealed class InitCandidate
    {
        internal InitCandidate(string name, string scheme, DistributionKind distribution, FanMode? mode, string? nonlinearity, double fan, double gain, IContinuousDistribution exact)
        {
            Name = name;
            Scheme = scheme;
            Distribution = distribution;
            Mode = mode;
            Nonlinearity = nonlinearity;
            Fan = fan;
            Gain = gain;
            Exact = exact;
        }

        /// <summary>The library's name for it, e.g. <c>kaiming_normal_</c> or <c>he_normal (Keras/JAX)</c>.</summary>
        public string Name { get; }

        /// <summary>Kaiming, Xavier, LeCun, FixedStd or FittedStd.</summary>
        public string Scheme { get; }

        /// <summary>The distribution family.</summary>
        public DistributionKind Distribution { get; }

        /// <summary>The fan mode; null for fixed-std normals.</summary>
        public FanMode? Mode { get; }

        /// <summary>The nonlinearity the gain comes from (PyTorch spelling), when there is one.</summary>
        public string? Nonlinearity { get; }

        /// <summary>The effective fan n with Var = Gain²/n: (fan_in + fan_out)/2 for Xavier, 1/σ² for fixed-std normals (gain 1).</summary>
        public double Fan { get; }

        /// <summary>The gain.</summary>
        public double Gain { get; }

        /// <summary>The standard deviation Gain/√Fan.</summary>
        public double Std => Exact.StdDev;

        /// <summary>The exact distribution.</summary>
        public IContinuousDistribution Exact { get; }
    }

    /// <summary>A ranked row of <see cref="InitInference"/>: a candidate and how well it fits.</summary>
    public sealed class InitCandidateFit
    {
        internal InitCandidateFit(int rank, InitCandidate candidate, double statistic, double pValue, double alpha, bool tied)
        {
            Rank = rank;
            Candidate = candidate;
            Statistic = statistic;
            PValue = pValue;
            Fits = pValue >= alpha;
            Tied = tied;
        }

        /// <summary>1 for the best fit; candidates that cannot be told apart share a rank; 0 for the reference row.</summary>
        public int Rank { get; }

        /// <summary>Kaiming, Xavier, LeCun, FixedStd, or FittedStd for the reference row.</summary>
        public string Scheme => Candidate.Scheme;

        /// <summary>The distribution family.</summary>
        public DistributionKind Distribution => Candidate.Distribution;

        /// <summary>The fan mode; null for fixed-std normals.</summary>
        public FanMode? Mode => Candidate.Mode;

        /// <summary>The effective fan n with Var = Gain²/n.</summary>
        public double Fan => Candidate.Fan;

        /// <summary>The gain.</summary>
        public double Gain => Candidate.Gain;

        /// <summary>Kolmogorov–Smirnov statistic D.</summary>
        public double Statistic { get; }

        /// <summary>KS p-value; 0 when a value lies outside the candidate's support.</summary>
        public double PValue { get; }

        /// <summary>p ≥ alpha: this candidate alone is not rejected.</summary>
        public bool Fits { get; }

        /// <summary>True when other candidates share this rank (the same or an indistinguishable distribution).</summary>
        public bool Tied { get; }

        /// <summary>The library's name for the candidate.</summary>
        public string Name => Candidate.Name;

        /// <summary>The nonlinearity the gain comes from, when there is one.</summary>
        public string? Nonlinearity => Candidate.Nonlinearity;

        /// <summary>The candidate's standard deviation.</summary>
        public double Std => Candidate.Std;

        /// <summary>The candidate itself.</summary>
        public InitCandidate Candidate { get; }
    }

    /// <summary>The outcome of <see cref="InitInference"/>.</summary>
    public sealed class InitInferenceResult
    {
        internal InitInferenceResult(IReadOnlyList<InitCandidateFit> ranked, InitCandidateFit? reference, Fans fans, int count, double alpha)
        {
            Ranked = ranked;
            Reference = reference;
            Fans = fans;
            Count = count;
            Alpha = alpha;
        }

        /// <summary>The candidates, best first.</summary>
        public IReadOnlyList<InitCandidateFit> Ranked { get; }

        /// <summary>The fitted-std normal, for reference (not ranked); null when every value is 0.</summary>
        public InitCandidateFit? Reference { get; }

        /// <summary>The best candidate.</summary>
        public InitCandidateFit Best => Ranked[0];

        /// <summary>True when at least one candidate fits (p ≥ alpha); false means none of them made these weights.</summary>
        public bool Fits => Ranked.Any(r => r.Fits);

        /// <summary>The layer's fans the candidates were built for.</summary>
        public Fans Fans { get; }

        /// <summary>Number of values.</summary>
        public int Count { get; }

        /// <summary>The significance level.</summary>
        public double Alpha { get; }
    }
}
