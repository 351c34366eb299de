using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a weight tensor with any supported scheme: Kaiming, Xavier, LeCun or VarianceScaling.</para>
    /// <para type="description">The general form of New-KaimingWeights, New-XavierWeights and New-LeCunWeights (which it shares one implementation with). VarianceScaling is Keras' VarianceScaling(scale, mode, distribution): Var[w] = Scale/fan with -Mode FanIn, FanOut or FanAvg; Keras' he_normal is -Scheme VarianceScaling -Scale 2 -Mode FanIn -Distribution TruncatedNormal.</para>
    /// <para type="description">Settings a scheme does not take (a -Scale for Kaiming, a -Gain for LeCun) are refused with the error id ParameterNotApplicable rather than ignored.</para>
    /// </summary>
    /// <example>
    ///   <code>New-InitWeights -Scheme VarianceScaling -Scale 2 -Mode FanIn -Distribution TruncatedNormal -FanIn 512 -Seed 1</code>
    ///   <para>Keras/JAX he_normal for a 512-input Dense layer: truncated at ±2σ' with std σ = 0.0625.</para>
    /// </example>
    /// <example>
    ///   <code>Import-Csv layers.csv | New-InitWeights -Scheme Xavier -Seed 5</code>
    ///   <para>One Xavier-uniform tensor per row of a layer table (Name, FanIn, FanOut or Shape), each carrying its Name.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "InitWeights", DefaultParameterSetName = ByFanSet, SupportsShouldProcess = true)]
    [OutputType(typeof(WeightTensor), typeof(Formats.TensorFileSummary))]
    public sealed class NewInitWeightsCommand : GenerateCommandBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">Kaiming (default; also He), Xavier (Glorot), LeCun or VarianceScaling.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SchemeCompleter))]
        public string Scheme { get; set; } = nameof(InitScheme.Kaiming);

        /// <summary>
        /// <para type="description">VarianceScaling's scale: Var[w] = Scale/fan.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Scale { get; set; }

        #endregion

        /// <inheritdoc/>
        protected override InitScheme SelectedScheme => Names.ParseScheme(Scheme);

        /// <inheritdoc/>
        protected override double? SelectedScale => Scale;
    }
}
