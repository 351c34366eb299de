using System.Management.Automation;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the numbers of a weight initialisation (Kaiming He by default) for a layer: fans, gain, std, bound, variance and support.</para>
    /// <para type="description">Std = gain/√fan and Bound = gain·√(3/fan) are both always given: a uniform on [−Bound, Bound] and a normal with that Std have the same variance gain²/fan. For ReLU and fan_in = n that is U(−√(6/n), √(6/n)) or N(0, 2/n), standard deviation √(2/n).</para>
    /// <para type="description">A layer is given by its fans (-FanIn, -FanOut) or by its weight's shape (-Shape with -Layout Torch, Keras or TorchTranspose). Rows of a layer table bind by property name, so Import-Csv layers.csv | Get-InitBounds gives one result per row, carrying its Name.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-InitBounds -FanIn 512</code>
    ///   <para>Kaiming He (ReLU, fan_in) numbers for a 512-input layer: Std 0.0625 (variance 2/512), Bound 0.108253.</para>
    /// </example>
    /// <example>
    ///   <code>Get-InitBounds -Shape 64,3,7,7 -Mode FanOut -Distribution Uniform</code>
    ///   <para>A ResNet stem convolution in PyTorch's (out, in, kh, kw) layout: fan_in = 3·7·7 = 147, fan_out = 64·7·7 = 3136; the uniform bound for fan_out.</para>
    /// </example>
    /// <example>
    ///   <code>Import-Csv layers.csv | Get-InitBounds -Nonlinearity leaky_relu -NegativeSlope 0.2 | Format-Table Name, Fan, Std, Bound</code>
    ///   <para>One row per layer of a table with Name, FanIn, FanOut (or Shape) columns.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "InitBounds", DefaultParameterSetName = ByFanSet)]
    [OutputType(typeof(InitBounds))]
    public sealed class GetInitBoundsCommand : SchemeCommandBase
    {
        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            Run(() =>
            {
                WriteObject(WithName(CreateInitializer().Bounds(LayerFans())));
            });
        }

        #endregion
    }
}
