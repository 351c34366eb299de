using System;
using System.Collections.Generic;
using System.Globalization;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Tensors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace KaimingTools
{
    /// <summary>
    /// The initialisers of torch.nn.init whose weights are structured or constant rather than drawn
    /// elementwise: orthogonal, identity (eye), dirac, sparse, constant, zeros, ones. Deterministic by seed
    /// (the random parts come from <see cref="CounterSampler"/>); shapes are read as PyTorch's (out, in, k…).
    /// </summary>
    public static class StructuredInit
    {
        /// <summary>Default std of <see cref="InitScheme.Sparse"/>'s nonzero entries (torch.nn.init.sparse_).</summary>
        public const double DefaultSparseStd = 0.01;

        /// <summary>
        /// Mixed into the seed for the sparse mask's stream, so that the mask and the values are independent
        /// (2⁶⁴/φ, the golden-ratio constant of SplitMix64).
        /// </summary>
        private const ulong MaskStreamKey = 0x9E3779B97F4A7C15UL;

        /// <summary>True for the schemes this class makes (no elementwise distribution).</summary>
        public static bool IsStructured(InitScheme scheme) => scheme >= InitScheme.Orthogonal && scheme <= InitScheme.Ones;

        /// <summary>
        /// Makes a structured weight tensor, exactly as torch.nn.init does (up to its random stream):
        /// <list type="bullet">
        /// <item>Orthogonal: A (rows × cols, rows = shape[0], cols = the rest) has N(0, 1) entries; with the
        /// thin QR A = QR (of Aᵀ when rows &lt; cols), Q's columns are multiplied by sign(diag R) so the result
        /// is Haar-distributed (Mezzadri 2007), transposed back, and scaled by the gain: WᵀW = gain²·I when
        /// rows ≥ cols, WWᵀ = gain²·I when rows ≤ cols.</item>
        /// <item>Identity: W[i, i] = 1, 0 elsewhere (2-D).</item>
        /// <item>Dirac: W[g·out/groups + d, d, k₁/2, …] = 1 for each group g and d &lt; min(out/groups, in/groups),
        /// 0 elsewhere (3-, 4-, 5-D): a convolution with it copies input channels to output channels.</item>
        /// <item>Sparse: N(0, std²) entries, then in every column ⌈sparsity·rows⌉ entries, chosen uniformly
        /// at random, set to 0 (2-D).</item>
        /// <item>Constant, Zeros, Ones: every entry the value, 0, 1.</item>
        /// </list>
        /// </summary>
        /// <param name="scheme">A structured scheme (<see cref="IsStructured"/>).</param>
        /// <param name="shape">The weight's dimensions (at least 2, all positive).</param>
        /// <param name="gain">Orthogonal's gain (positive, finite; 1 by default).</param>
        /// <param name="sparsity">Sparse's fraction of zeros per column, in [0, 1] (required for Sparse).</param>
        /// <param name="std">Sparse's standard deviation (positive, finite; 0.01 by default).</param>
        /// <param name="value">Constant's value (finite; required for Constant).</param>
        /// <param name="groups">Dirac's groups (must divide shape[0]).</param>
        /// <param name="seed">The seed for Orthogonal and Sparse; a fresh random one when null.</param>
        /// <param name="elementType">float32 (default) or float64; the computation is in float64.</param>
        /// <param name="layout">Recorded in the tensor; the shape is read as PyTorch's (out, in, k…) whatever it is.</param>
        /// <exception cref="InitArgumentException">An invalid shape or value, a setting the scheme does not take
        /// (<c>ParameterNotApplicable</c>), a missing one (<c>SparsityRequired</c>, <c>ValueRequired</c>), a shape the
        /// scheme cannot fill (<c>ShapeNotMatrix</c>, <c>ShapeNotConvolution</c>), or a tensor too large.</exception>
        public static WeightTensor Generate(
            InitScheme scheme,
            IReadOnlyList<long> shape,
            double? gain = null,
            double? sparsity = null,
            double? std = null,
            double? value = null,
            int groups = 1,
            ulong? seed = null,
            TensorElementType elementType = TensorElementType.Single,
            TensorLayout layout = TensorLayout.Torch)
        {
            if (!IsStructured(scheme))
            {
                throw new InitArgumentException("UnknownScheme", "Scheme", $"{scheme} is not a structured scheme; use Initializer.Create.");
            }

            long count = Fans.ValidateShape(shape);
            MemoryLimits.EnsureCanAllocate(count, elementType);
            NotApplicable(scheme, ("Gain", gain, InitScheme.Orthogonal), ("Sparsity", sparsity, InitScheme.Sparse), ("Std", std, InitScheme.Sparse), ("Value", value, InitScheme.Constant));
            if (groups != 1 && scheme != InitScheme.Dirac)
            {
                throw new InitArgumentException("ParameterNotApplicable", "Groups", $"Groups does not apply to the {scheme} scheme.");
            }

            ulong actualSeed = seed ?? Seeds.NewSeed();
            bool random = scheme is InitScheme.Orthogonal or InitScheme.Sparse;
            var w = new double[count];
            string structure;
            switch (scheme)
            {
                case InitScheme.Orthogonal:
                    double g = gain ?? 1.0;
                    InitArgumentException.RequirePositiveFinite(g, "InvalidGain", "Gain");
                    Orthogonal(w, shape[0], count / shape[0], g, actualSeed);
                    structure = $"Orthogonal, gain {Format(g)}";
                    break;
                case InitScheme.Identity:
                    RequireMatrix(scheme, shape);
                    for (long i = 0; i < Math.Min(shape[0], shape[1]); i++)
                    {
                        w[(i * shape[1]) + i] = 1.0;
                    }

                    structure = "Identity (eye)";
                    break;
                case InitScheme.Dirac:
                    Dirac(w, shape, groups);
                    structure = groups == 1 ? "Dirac" : $"Dirac, {groups} groups";
                    break;
                case InitScheme.Sparse:
                    RequireMatrix(scheme, shape);
                    double s = sparsity ?? throw new InitArgumentException("SparsityRequired", "Sparsity", "The Sparse scheme needs a sparsity: the fraction of zeros per column, in [0, 1].");
                    if (!(s >= 0 && s <= 1))
                    {
                        throw new InitArgumentException("InvalidSparsity", "Sparsity", $"Sparsity must be in [0, 1]; got {InitArgumentException.Format(s)}.");
                    }

                    double sd = std ?? DefaultSparseStd;
                    InitArgumentException.RequirePositiveFinite(sd, "InvalidStd", "Std");
                    Sparse(w, shape[0], shape[1], s, sd, actualSeed);
                    structure = $"Sparse, {Format(s)} zeros per column, std {Format(sd)}";
                    break;
                default:
                    double v = scheme == InitScheme.Zeros ? 0.0 : scheme == InitScheme.Ones ? 1.0
                        : value ?? throw new InitArgumentException("ValueRequired", "Value", "The Constant scheme needs a value.");
                    if (double.IsNaN(v) || double.IsInfinity(v))
                    {
                        throw new InitArgumentException("InvalidValue", "Value", $"Value must be finite; got {InitArgumentException.Format(v)}.");
                    }

                    for (long i = 0; i < count; i++)
                    {
                        w[i] = v;
                    }

                    structure = scheme == InitScheme.Constant ? $"Constant {Format(v)}" : scheme.ToString();
                    break;
            }

            Array data = w;
            if (elementType == TensorElementType.Single)
            {
                var f = new float[count];
                for (long i = 0; i < count; i++)
                {
                    f[i] = (float)w[i];
                }

                data = f;
            }

            return new WeightTensor(data, shape, layout, groups, null, random ? actualSeed : null, random ? CounterSampler.StreamVersion : null)
            {
                Structure = structure,
            };
        }

        // torch.nn.init.orthogonal_: QR of the (rows × cols) Gaussian matrix, or of its transpose when wide.
        private static void Orthogonal(double[] w, long rowCount, long columnCount, double gain, ulong seed)
        {
            int rows = checked((int)rowCount), cols = checked((int)columnCount);
            CounterSampler.Fill(w.AsSpan(), DistributionKind.Normal, 1.0, seed);
            bool wide = rows < cols;
            int m = wide ? cols : rows, n = wide ? rows : cols;
            Matrix<double> a = Matrix<double>.Build.Dense(m, n, (i, j) => wide ? w[((long)j * cols) + i] : w[((long)i * cols) + j]);
            QR<double> qr = a.QR(QRMethod.Thin);
            Matrix<double> q = qr.Q;
            Matrix<double> r = qr.R;
            for (int j = 0; j < n; j++)
            {
                // The sign fix makes the distribution Haar (uniform on the orthogonal group); torch uses
                // sign(0) = 0, which happens with probability 0; we take +1 there.
                if (r[j, j] < 0)
                {
                    q.SetColumn(j, q.Column(j).Negate());
                }
            }

            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                {
                    w[((long)i * cols) + j] = gain * (wide ? q[j, i] : q[i, j]);
                }
            }
        }

        // torch.nn.init.dirac_: one 1 per (group, channel) at the kernel's centre (size // 2 in each spatial dimension).
        private static void Dirac(double[] w, IReadOnlyList<long> shape, int groups)
        {
            if (shape.Count < 3 || shape.Count > 5)
            {
                throw new InitArgumentException("ShapeNotConvolution", "Shape",
                    $"The Dirac scheme needs a 3-, 4- or 5-dimensional convolution weight (out, in/groups, k…); got {Fans.FormatShape(shape)}.");
            }

            if (groups < 1 || shape[0] % groups != 0)
            {
                throw new InitArgumentException("InvalidGroups", "Groups", $"Groups ({groups}) must divide the output channels ({shape[0]}).");
            }

            long outPerGroup = shape[0] / groups;
            long minDim = Math.Min(outPerGroup, shape[1]);
            long kernel = 1, centre = 0;
            for (int k = 2; k < shape.Count; k++)
            {
                centre = (centre * shape[k]) + (shape[k] / 2);
                kernel *= shape[k];
            }

            for (long g = 0; g < groups; g++)
            {
                for (long d = 0; d < minDim; d++)
                {
                    long o = (g * outPerGroup) + d;
                    w[(((o * shape[1]) + d) * kernel) + centre] = 1.0;
                }
            }
        }

        // torch.nn.init.sparse_: normal entries, then ⌈sparsity·rows⌉ zeros per column at uniformly random rows.
        private static void Sparse(double[] w, long rowCount, long columnCount, double sparsity, double std, ulong seed)
        {
            CounterSampler.Fill(w.AsSpan(), DistributionKind.Normal, std, seed);
            int rows = checked((int)rowCount);
            int zeros = (int)Math.Ceiling(sparsity * rows);
            var keys = new double[rows];
            var order = new int[rows];
            for (long c = 0; c < columnCount; c++)
            {
                // A uniformly random subset: the rows with the smallest of `rows` i.i.d. uniform keys, drawn from
                // a second stream at indices c·rows … c·rows + rows − 1 (ties, probability ~2⁻⁵³, go to the lower row).
                CounterSampler.Fill(keys.AsSpan(), DistributionKind.Uniform, 1.0, seed ^ MaskStreamKey, c * rows);
                for (int r = 0; r < rows; r++)
                {
                    order[r] = r;
                }

                Array.Sort(keys, order); // keys are refilled for every column
                for (int k = 0; k < zeros; k++)
                {
                    w[((long)order[k] * columnCount) + c] = 0.0;
                }
            }
        }

        private static void RequireMatrix(InitScheme scheme, IReadOnlyList<long> shape)
        {
            if (shape.Count != 2)
            {
                throw new InitArgumentException("ShapeNotMatrix", "Shape", $"The {scheme} scheme needs a 2-dimensional weight; got {Fans.FormatShape(shape)}.");
            }
        }

        private static void NotApplicable(InitScheme scheme, params (string Name, double? Value, InitScheme Owner)[] settings)
        {
            foreach (var (name, value, owner) in settings)
            {
                if (value is not null && scheme != owner)
                {
                    throw new InitArgumentException("ParameterNotApplicable", name, $"{name} does not apply to the {scheme} scheme (only to {owner}).");
                }
            }
        }

        private static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
    }
}
