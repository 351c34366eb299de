using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a weight tensor with any supported scheme: Kaiming, Xavier, LeCun, VarianceScaling, or torch.nn.init's structured ones — Orthogonal, Identity (eye), Dirac, Sparse, Constant, Zeros, Ones.</para>
    /// <para type="description">The general form of New-KaimingWeights, New-XavierWeights and New-LeCunWeights (which it shares one implementation with). VarianceScaling is Keras' VarianceScaling(scale, mode, distribution): Var[w] = Scale/fan with -Mode FanIn, FanOut or FanAvg; Keras' he_normal is -Scheme VarianceScaling -Scale 2 -Mode FanIn -Distribution TruncatedNormal.</para>
    /// <para type="description">Structured schemes, as torch.nn.init (shapes read as PyTorch's (out, in, k…); rows = shape[0], cols = the product of the rest). Orthogonal (orthogonal_): A has N(0, 1) entries, A = QR (thin QR of Aᵀ when rows &lt; cols, MathNet.Numerics), W = gain·Q·diag(sign(diag R)), so WᵀW = gain²·I for rows ≥ cols and WWᵀ = gain²·I for rows ≤ cols; -Gain defaults to 1. Identity (eye_): W[i,i] = 1, 2-D only. Dirac (dirac_): W[g·out/groups + d, d, k/2…] = 1 for d &lt; min(out/groups, in/groups), so a convolution with it (same padding) copies input channels to output channels; 3-, 4- or 5-D, -Groups must divide out. Sparse (sparse_): N(0, Std²) entries (-Std 0.01 by default) with exactly ⌈Sparsity·rows⌉ zeros in every column at random rows; 2-D only. Constant (constant_): every entry -Value; Zeros, Ones.</para>
    /// <para type="description">The random parts (Orthogonal's Gaussian matrix, Sparse's values and zero positions) come from the seeded counter-based stream, so -Seed reproduces them bit for bit; unlike the elementwise schemes, an orthogonal slice depends on the whole matrix. These schemes have no elementwise distribution: Get-InitBounds, Get-InitDistribution and Test-InitWeights refuse them with the error id NoElementwiseDistribution.</para>
    /// <para type="description">Settings a scheme does not take (a -Scale for Kaiming, a -Gain for LeCun, a -Sparsity for Orthogonal, a -Distribution for Dirac) are refused with the error id ParameterNotApplicable rather than ignored.</para>
    /// </summary>
    /// <example>
    ///   <code>New-InitWeights -Scheme VarianceScaling -Scale 2 -Mode FanIn -Distribution TruncatedNormal -FanIn 512 -Seed 1</code>
    ///   <para>Keras/JAX he_normal for a 512-input Dense layer: truncated at ±2σ' with std σ = 0.0625.</para>
    /// </example>
    /// <example>
    ///   <code>Import-Csv layers.csv | New-InitWeights -Scheme Xavier -Seed 5</code>
    ///   <para>One Xavier-uniform tensor per row of a layer table (Name, FanIn, FanOut or Shape), each carrying its Name.</para>
    /// </example>
    /// <example>
    ///   <code>New-InitWeights -Scheme Orthogonal -Shape 256,128 -Gain ([math]::Sqrt(2)) -Seed 3</code>
    ///   <para>A 256×128 matrix with orthogonal columns of length √2 (orthogonal_ with ReLU's gain).</para>
    /// </example>
    /// <example>
    ///   <code>New-InitWeights -Scheme Dirac -Shape 64,32,3,3 -Groups 2</code>
    ///   <para>A 3×3 convolution that copies channels through, in 2 groups.</para>
    /// </example>
    /// <example>
    ///   <code>New-InitWeights -Scheme Sparse -Sparsity 0.9 -Shape 100,50 -Std 0.01 -Seed 1</code>
    ///   <para>Martens' sparse initialisation: exactly 90 zeros in each of the 50 columns, the other entries N(0, 0.01²).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "InitWeights", DefaultParameterSetName = ByFanSet, SupportsShouldProcess = true)]
    [OutputType(typeof(WeightTensor), typeof(Formats.TensorFileSummary))]
    public sealed class NewInitWeightsCommand : GenerateCommandBase
    {
        // Structured schemes are built whole in memory (each element depends on the others), so they take
        // no streaming options: pipe them to Export-InitWeights to save them.
        private static readonly string[] ElementwiseParameters = { "Mode", "Nonlinearity", "NegativeSlope", "Distribution", "Scale", "Path", "Format", "Force", "ThrottleLimit" };
        private static readonly string[] StructuredParameters = { "Sparsity", "Std", "Value" };

        #region Parameters

        /// <summary>
        /// <para type="description">Kaiming (default; also He), Xavier (Glorot), LeCun, VarianceScaling, Orthogonal, Identity (eye), Dirac, Sparse, Constant, Zeros or Ones.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SchemeCompleter))]
        public string Scheme { get; set; } = nameof(InitScheme.Kaiming);

        /// <summary>
        /// <para type="description">VarianceScaling's scale: Var[w] = Scale/fan.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Scale { get; set; }

        /// <summary>
        /// <para type="description">Sparse's fraction of zeros per column, in [0, 1]: each column gets exactly ⌈Sparsity·rows⌉ zeros.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Sparsity { get; set; }

        /// <summary>
        /// <para type="description">Sparse's standard deviation of the nonzero entries (default 0.01, as torch.nn.init.sparse_).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Std { get; set; }

        /// <summary>
        /// <para type="description">Constant's value (finite).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Value { get; set; }

        #endregion

        /// <inheritdoc/>
        protected override InitScheme SelectedScheme => Names.ParseScheme(Scheme);

        /// <inheritdoc/>
        protected override double? SelectedScale => Scale;

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            bool structured = false;
            Run(() =>
            {
                InitScheme scheme = SelectedScheme;
                structured = StructuredInit.IsStructured(scheme);
                RefuseParameters(scheme, structured ? ElementwiseParameters : StructuredParameters);
                if (!structured)
                {
                    return;
                }

                WeightTensor tensor = StructuredInit.Generate(
                    scheme, WeightShape(), Gain, Sparsity, Std, Value, ByShape ? Groups : 1, Seed, DataType, ByShape ? TensorLayoutValue : TensorLayout.Torch);
                tensor.Name = Name;
                WriteObject(AsArray ? tensor.Data : tensor, enumerateCollection: false);
            });

            if (!structured)
            {
                base.ProcessRecord();
            }
        }

        #endregion

        private void RefuseParameters(InitScheme scheme, string[] names)
        {
            foreach (string name in names)
            {
                if (MyInvocation.BoundParameters.ContainsKey(name))
                {
                    string hint = name == "Path" ? " Pipe the tensor to Export-InitWeights to save it." : string.Empty;
                    throw new InitArgumentException("ParameterNotApplicable", name, $"{name} does not apply to the {scheme} scheme.{hint}");
                }
            }
        }
    }
}
