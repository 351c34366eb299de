using System;
using System.Linq;
using KaimingTools.Distributions;
using KaimingTools.Sampling;
using KaimingTools.Tensors;

namespace KaimingTools.Tests
{
    public class StructuredInitTests
    {
        private static double[] Data(WeightTensor t) => t.ToDoubleArray();

        // Gram matrix G[a, b] = Σ_k W[a, k]·W[b, k] of the rows (byRows) or Σ_k W[k, a]·W[k, b] of the columns.
        private static double MaxDeviationFromScaledIdentity(double[] w, int rows, int cols, bool byRows, double gain)
        {
            int size = byRows ? rows : cols, inner = byRows ? cols : rows;
            double worst = 0;
            for (int a = 0; a < size; a++)
            {
                for (int b = 0; b < size; b++)
                {
                    double dot = 0;
                    for (int k = 0; k < inner; k++)
                    {
                        dot += byRows ? w[(a * cols) + k] * w[(b * cols) + k] : w[(k * cols) + a] * w[(k * cols) + b];
                    }

                    worst = Math.Max(worst, Math.Abs(dot - (a == b ? gain * gain : 0)));
                }
            }

            return worst;
        }

        [Theory]
        [InlineData(64, 16, 1.0)]   // tall: WᵀW = I
        [InlineData(16, 64, 1.0)]   // wide: WWᵀ = I (WᵀW has rank 16 and cannot be I)
        [InlineData(32, 32, 1.4142135623730951)]
        public void Orthogonal_has_orthonormal_columns_when_tall_and_rows_when_wide(int rows, int cols, double gain)
        {
            var t = StructuredInit.Generate(InitScheme.Orthogonal, new long[] { rows, cols }, gain: gain, seed: 5, elementType: TensorElementType.Double);
            double[] w = Data(t);
            if (rows >= cols)
            {
                Assert.True(MaxDeviationFromScaledIdentity(w, rows, cols, byRows: false, gain) < 1e-12);
            }

            if (rows <= cols)
            {
                Assert.True(MaxDeviationFromScaledIdentity(w, rows, cols, byRows: true, gain) < 1e-12);
            }

            // float32 output: within 1e-5.
            var f = StructuredInit.Generate(InitScheme.Orthogonal, new long[] { rows, cols }, gain: gain, seed: 5);
            Assert.True(MaxDeviationFromScaledIdentity(Data(f), rows, cols, byRows: rows < cols, gain) < 1e-5);
        }

        [Fact]
        public void Orthogonal_flattens_trailing_dims_is_reproducible_and_depends_on_the_seed()
        {
            long[] shape = { 8, 4, 3, 3 }; // rows 8, cols 36: wide
            double[] a = Data(StructuredInit.Generate(InitScheme.Orthogonal, shape, seed: 9, elementType: TensorElementType.Double));
            double[] b = Data(StructuredInit.Generate(InitScheme.Orthogonal, shape, seed: 9, elementType: TensorElementType.Double));
            double[] c = Data(StructuredInit.Generate(InitScheme.Orthogonal, shape, seed: 10, elementType: TensorElementType.Double));
            Assert.Equal(a, b);
            Assert.NotEqual(a, c);
            Assert.True(MaxDeviationFromScaledIdentity(a, 8, 36, byRows: true, 1.0) < 1e-12);
        }

        [Fact]
        public void Orthogonal_sign_fix_makes_diag_R_positive_so_the_first_column_is_the_normalised_gaussian_column()
        {
            // With the sign fix Q's first column is A's first column divided by its norm (R₀₀ = ‖a₀‖ > 0).
            var a = new double[20 * 5];
            CounterSampler.Fill(a.AsSpan(), DistributionKind.Normal, 1.0, 77);
            double norm = Math.Sqrt(Enumerable.Range(0, 20).Sum(i => a[i * 5] * a[i * 5]));
            double[] q = Data(StructuredInit.Generate(InitScheme.Orthogonal, new long[] { 20, 5 }, seed: 77, elementType: TensorElementType.Double));
            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(a[i * 5] / norm, q[i * 5], 12);
            }
        }

        [Theory]
        [InlineData(3, 5)]
        [InlineData(5, 3)]
        public void Identity_is_eye(int rows, int cols)
        {
            double[] w = Data(StructuredInit.Generate(InitScheme.Identity, new long[] { rows, cols }));
            for (int i = 0; i < rows; i++)
            {
                for (int j = 0; j < cols; j++)
                {
                    Assert.Equal(i == j ? 1.0 : 0.0, w[(i * cols) + j]);
                }
            }
        }

        // A direct 2-D convolution with 'same' zero padding: y[o, p, q] = Σ_c Σ_kh Σ_kw W[o, c, kh, kw]·x[g·inPerGroup + c, p + kh − K/2, q + kw − K/2].
        private static double[] Conv2d(double[] x, int inChannels, int h, int wd, double[] w, long[] shape, int groups)
        {
            int outChannels = (int)shape[0], inPerGroup = (int)shape[1], kh = (int)shape[2], kw = (int)shape[3];
            int outPerGroup = outChannels / groups;
            var y = new double[outChannels * h * wd];
            for (int o = 0; o < outChannels; o++)
            {
                int g = o / outPerGroup;
                for (int p = 0; p < h; p++)
                {
                    for (int q = 0; q < wd; q++)
                    {
                        double sum = 0;
                        for (int c = 0; c < inPerGroup; c++)
                        {
                            for (int i = 0; i < kh; i++)
                            {
                                for (int j = 0; j < kw; j++)
                                {
                                    int pp = p + i - (kh / 2), qq = q + j - (kw / 2);
                                    if (pp >= 0 && pp < h && qq >= 0 && qq < wd)
                                    {
                                        sum += w[(((((o * inPerGroup) + c) * kh) + i) * kw) + j] * x[((((g * inPerGroup) + c) * h) + pp) * wd + qq];
                                    }
                                }
                            }
                        }

                        y[(((o * h) + p) * wd) + q] = sum;
                    }
                }
            }

            _ = inChannels;
            return y;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void Dirac_convolution_is_the_identity(int groups)
        {
            const int channels = 6, h = 5, wd = 4;
            long[] shape = { channels, channels / groups, 3, 3 };
            double[] w = Data(StructuredInit.Generate(InitScheme.Dirac, shape, groups: groups, elementType: TensorElementType.Double));
            var x = new double[channels * h * wd];
            CounterSampler.Fill(x.AsSpan(), DistributionKind.Normal, 1.0, 3);
            Assert.Equal(x, Conv2d(x, channels, h, wd, w, shape, groups));
            Assert.Equal(channels, w.Count(v => v != 0));
        }

        [Fact]
        public void Dirac_matches_torch_positions_in_3d_and_5d_and_refuses_matrices()
        {
            double[] w1 = Data(StructuredInit.Generate(InitScheme.Dirac, new long[] { 4, 2, 5 }));
            // torch.nn.init.dirac_ on (4, 2, 5): ones at [0, 0, 2] and [1, 1, 2]; out channels 2, 3 stay 0 (min(out, in) = 2).
            Assert.Equal(new[] { 2, 10 + 5 + 2 }, Enumerable.Range(0, w1.Length).Where(i => w1[i] == 1).ToArray());
            double[] w3 = Data(StructuredInit.Generate(InitScheme.Dirac, new long[] { 2, 2, 3, 3, 3 }));
            Assert.Equal(new[] { 13, (((1 * 2) + 1) * 27) + 13 }, Enumerable.Range(0, w3.Length).Where(i => w3[i] == 1).ToArray());
            // torch.nn.init.dirac_(torch.empty(6, 3, 3, 3), groups=2), nonzero flat indices from PyTorch 1.13.
            double[] wg = Data(StructuredInit.Generate(InitScheme.Dirac, new long[] { 6, 3, 3, 3 }, groups: 2));
            Assert.Equal(new[] { 4, 40, 76, 85, 121, 157 }, Enumerable.Range(0, wg.Length).Where(i => wg[i] == 1).ToArray());
            Assert.Equal("ShapeNotConvolution", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Dirac, new long[] { 4, 4 })).ErrorId);
            Assert.Equal("InvalidGroups", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Dirac, new long[] { 6, 2, 3 }, groups: 4)).ErrorId);
        }

        [Theory]
        [InlineData(100, 30, 0.9, 0.01)]
        [InlineData(7, 11, 0.5, 0.3)]  // ⌈3.5⌉ = 4 zeros per column
        [InlineData(10, 3, 0.0, 1.0)]
        public void Sparse_has_exactly_ceil_sparsity_rows_zeros_per_column(int rows, int cols, double sparsity, double std)
        {
            double[] w = Data(StructuredInit.Generate(InitScheme.Sparse, new long[] { rows, cols }, sparsity: sparsity, std: std, seed: 21, elementType: TensorElementType.Double));
            int zeros = (int)Math.Ceiling(sparsity * rows);
            for (int c = 0; c < cols; c++)
            {
                Assert.Equal(zeros, Enumerable.Range(0, rows).Count(r => w[(r * cols) + c] == 0));
            }
        }

        [Fact]
        public void Sparse_zero_positions_vary_by_column_and_nonzeros_have_the_std()
        {
            const int rows = 200, cols = 400;
            double[] w = Data(StructuredInit.Generate(InitScheme.Sparse, new long[] { rows, cols }, sparsity: 0.5, std: 0.02, seed: 4, elementType: TensorElementType.Double));
            var nonzero = w.Where(v => v != 0).ToArray();
            double std = Math.Sqrt(nonzero.Sum(v => v * v) / nonzero.Length);
            // 40 000 normal values: the std is within 4 standard errors (0.02/√80000 each).
            Assert.InRange(std, 0.02 * (1 - (4 / Math.Sqrt(80000))), 0.02 * (1 + (4 / Math.Sqrt(80000))));
            // Each row is zero in about half the columns (binomial(400, ½): 200 ± 5·10).
            for (int r = 0; r < rows; r++)
            {
                Assert.InRange(Enumerable.Range(0, cols).Count(c => w[(r * cols) + c] == 0), 150, 250);
            }
        }

        [Fact]
        public void Constant_zeros_ones()
        {
            Assert.All(Data(StructuredInit.Generate(InitScheme.Constant, new long[] { 3, 4 }, value: 0.25)), v => Assert.Equal(0.25, v));
            Assert.All(Data(StructuredInit.Generate(InitScheme.Zeros, new long[] { 3, 4 })), v => Assert.Equal(0.0, v));
            Assert.All(Data(StructuredInit.Generate(InitScheme.Ones, new long[] { 2, 2, 2 })), v => Assert.Equal(1.0, v));
            Assert.Equal("ValueRequired", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Constant, new long[] { 2, 2 })).ErrorId);
        }

        [Fact]
        public void Refuses_settings_the_scheme_does_not_take_and_has_no_elementwise_distribution()
        {
            Assert.Equal("ParameterNotApplicable", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Orthogonal, new long[] { 2, 2 }, sparsity: 0.5)).ErrorId);
            Assert.Equal("SparsityRequired", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Sparse, new long[] { 2, 2 })).ErrorId);
            Assert.Equal("InvalidSparsity", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Sparse, new long[] { 2, 2 }, sparsity: 1.5)).ErrorId);
            Assert.Equal("ShapeNotMatrix", Assert.Throws<InitArgumentException>(() => StructuredInit.Generate(InitScheme.Identity, new long[] { 2, 2, 2 })).ErrorId);
            foreach (InitScheme s in new[] { InitScheme.Orthogonal, InitScheme.Dirac, InitScheme.Sparse, InitScheme.Identity, InitScheme.Constant, InitScheme.Zeros, InitScheme.Ones })
            {
                Assert.Equal("NoElementwiseDistribution", Assert.Throws<InitArgumentException>(() => Initializer.Create(s)).ErrorId);
            }
        }

        [Theory]
        [InlineData("eye", InitScheme.Identity)]
        [InlineData("orthogonal", InitScheme.Orthogonal)]
        [InlineData("zeros", InitScheme.Zeros)]
        public void Scheme_names(string name, InitScheme expected) => Assert.Equal(expected, Names.ParseScheme(name));
    }
}
