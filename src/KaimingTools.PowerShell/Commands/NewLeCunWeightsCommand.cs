using System.Management.Automation;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a weight tensor with LeCun initialisation.</para>
    /// <para type="description">Var[w] = 1/fan_in (LeCun et al. 1998, "Efficient BackProp"): N(0, 1/fan_in) by default, U(±√(3/fan_in)) with -Distribution Uniform (Keras lecun_uniform), or the truncated normal (Keras lecun_normal, recommended with SELU). LeCun takes no gain or mode: use New-InitWeights -Scheme VarianceScaling for other scales.</para>
    /// <para type="description">Generation is reproducible by -Seed exactly as for New-KaimingWeights.</para>
    /// </summary>
    /// <example>
    ///   <code>New-LeCunWeights -FanIn 400 -FanOut 100 -Seed 3</code>
    ///   <para>A (100, 400) tensor from N(0, 1/400): σ = 0.05.</para>
    /// </example>
    /// <example>
    ///   <code>New-LeCunWeights -Shape 3,3,64,64 -Layout Keras -Distribution TruncatedNormal</code>
    ///   <para>A Keras Conv2D kernel as lecun_normal makes it: fan_in = 3·3·64 = 576.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "LeCunWeights", DefaultParameterSetName = ByFanSet, SupportsShouldProcess = true)]
    [OutputType(typeof(WeightTensor), typeof(Formats.TensorFileSummary))]
    public sealed class NewLeCunWeightsCommand : GenerateCommandBase
    {
        /// <inheritdoc/>
        protected override InitScheme SelectedScheme => InitScheme.LeCun;
    }
}
