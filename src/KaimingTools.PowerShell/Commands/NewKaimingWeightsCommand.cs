using System.Management.Automation;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a weight tensor with Kaiming He initialisation.</para>
    /// <para type="description">Draws from N(0, gain²/fan) (default, as in He et al. 2015), U(−b, b) with b = gain·√(3/fan) (PyTorch's kaiming_uniform_), or the Keras/JAX truncated normal, with a reproducible counter-based generator: the same -Seed gives the same bits on every machine, operating system and PowerShell edition.</para>
    /// <para type="description">With -FanIn (and -FanOut, default FanIn) the tensor has PyTorch's Linear shape (FanOut, FanIn); with -Shape it has that shape and its fans are read according to -Layout. The result is one object whose default display is a short summary; the numbers are in its Data property (float[] or double[]).</para>
    /// </summary>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 512 -Distribution Normal -Seed 42</code>
    ///   <para>A 512×512 float32 tensor drawn from N(0, 2/512) (σ = 0.0625), reproducible by its seed.</para>
    /// </example>
    /// <example>
    ///   <code>$w = New-KaimingWeights -Shape 64,3,7,7 -Distribution Uniform -Seed 1; $w.Data[0..3]</code>
    ///   <para>A convolution weight from U(±√(6/147)); the first four numbers of the C-ordered data.</para>
    /// </example>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 1024 -FanOut 256 -Nonlinearity tanh -Mode fan_out -DataType Double</code>
    ///   <para>A (256, 1024) float64 tensor with tanh's gain 5/3 and fan_out = 256: σ = (5/3)/16.</para>
    /// </example>
    [Cmdlet(VerbsCommon.New, "KaimingWeights", DefaultParameterSetName = ByFanSet, SupportsShouldProcess = true)]
    [OutputType(typeof(WeightTensor), typeof(Formats.TensorFileSummary))]
    public sealed class NewKaimingWeightsCommand : GenerateCommandBase
    {
    }
}
