using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the recommended gain of a nonlinearity, or the whole gain table.</para>
    /// <para type="description">The values of PyTorch's torch.nn.init.calculate_gain: 1 for Linear, Identity, the convolutions and Sigmoid; 5/3 for Tanh; √2 for ReLU; √(2/(1+s²)) for LeakyReLU with slope s (0.01 by default); 3/4 for SELU. Without -Nonlinearity, one row per nonlinearity.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-InitGain</code>
    ///   <para>The whole table.</para>
    /// </example>
    /// <example>
    ///   <code>Get-InitGain leaky_relu -NegativeSlope 0.2</code>
    ///   <para>√(2/1.04) = 1.38675 for a leaky ReLU with slope 0.2.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "InitGain")]
    [OutputType(typeof(GainInfo))]
    public sealed class GetInitGainCommand : PSCmdlet
    {
        #region Parameters

        /// <summary>
        /// <para type="description">The nonlinearity (ReLU, LeakyReLU, Tanh, SELU, Sigmoid, Linear, Conv2d…; PyTorch spellings work). All of them when omitted.</para>
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NonlinearityCompleter))]
        public string? Nonlinearity { get; set; }

        /// <summary>
        /// <para type="description">Leaky ReLU's negative slope s (finite, ≥ 0).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? NegativeSlope { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            try
            {
                if (Nonlinearity is null)
                {
                    WriteObject(NegativeSlope is null ? Gains.Table() : new[] { Gains.Describe(KaimingTools.Nonlinearity.LeakyReLU, NegativeSlope) }, enumerateCollection: true);
                    return;
                }

                WriteObject(Gains.Describe(Names.ParseNonlinearity(Nonlinearity), NegativeSlope));
            }
            catch (InitArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, Nonlinearity));
            }
        }

        #endregion
    }
}
