using System.Management.Automation;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a weight tensor with Xavier/Glorot initialisation.</para>
    /// <para type="description">Var[w] = gain²·2/(fan_in + fan_out) (Glorot &amp; Bengio 2010): U(±gain·√(6/(fan_in + fan_out))) by default (their eq. 16, PyTorch's xavier_uniform_), or the normal (xavier_normal_) or truncated normal (Keras glorot_normal) with that variance. The gain is 1 unless -Nonlinearity or -Gain says otherwise. -Mode can only be FanAvg.</para>
    /// <para type="description">Generation is reproducible by -Seed exactly as for New-KaimingWeights.</para>
    /// </summary>
    /// <example>
    ///   <code>New-XavierWeights -FanIn 784 -FanOut 256 -Seed 7</code>
    ///   <para>A (256, 784) tensor from U(±√(6/1040)) = U(±0.0760).</para>
    /// </example>
    /// <example>
    ///   <code>New-XavierWeights -FanIn 256 -FanOut 256 -Nonlinearity tanh -Distribution Normal</code>
    ///   <para>N(0, (5/3)²·2/512): Xavier with tanh's gain, as torch.nn.init.xavier_normal_(w, gain=calculate_gain('tanh')).</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "XavierWeights", DefaultParameterSetName = ByFanSet, SupportsShouldProcess = true)]
    [OutputType(typeof(WeightTensor), typeof(Formats.TensorFileSummary))]
    public sealed class NewXavierWeightsCommand : GenerateCommandBase
    {
        /// <inheritdoc/>
        protected override InitScheme SelectedScheme => InitScheme.Xavier;
    }
}
