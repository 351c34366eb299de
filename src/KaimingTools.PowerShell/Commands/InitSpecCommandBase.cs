using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// The parameters that shape an initialiser — mode, nonlinearity (gain), slope, gain, distribution —
    /// shared by every cmdlet; which scheme they apply to is the derived cmdlet's choice.
    /// </summary>
    public abstract class InitSpecCommandBase : LayerCommandBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">FanIn (Kaiming's default; preserves activation variance, He et al. eq. 10), FanOut (preserves gradient variance, eq. 14) or FanAvg (Xavier; VarianceScaling). PyTorch's fan_in/fan_out spellings work.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(FanModeCompleter))]
        public string? Mode { get; set; }

        /// <summary>
        /// <para type="description">The nonlinearity after the layer, which sets the gain: ReLU (default, √2), LeakyReLU (√(2/(1+s²))), Tanh (5/3), SELU (3/4), Sigmoid/Linear/Conv… (1). PyTorch names such as leaky_relu work.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NonlinearityCompleter))]
        public string? Nonlinearity { get; set; }

        /// <summary>
        /// <para type="description">Leaky ReLU's negative slope s (finite, ≥ 0; 0.01 when only LeakyReLU is named). Implies LeakyReLU.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? NegativeSlope { get; set; }

        /// <summary>
        /// <para type="description">A gain to use instead of the nonlinearity's (positive, finite).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Gain { get; set; }

        /// <summary>
        /// <para type="description">Normal, Uniform, or TruncatedNormal (Keras/JAX: cut at ±2σ', std still σ). Defaults: Normal for Kaiming (the paper's) and LeCun, Uniform for Xavier (Glorot's eq. 16), TruncatedNormal for VarianceScaling (Keras).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DistributionCompleter))]
        public string? Distribution { get; set; }

        #endregion

        /// <summary>The scheme the parameters apply to.</summary>
        protected virtual InitScheme SelectedScheme => InitScheme.Kaiming;

        /// <summary>The variance scale, for the VarianceScaling scheme.</summary>
        protected virtual double? SelectedScale => null;

        /// <summary>
        /// The initialiser these parameters describe; the core refuses settings the scheme does not take
        /// (<c>ParameterNotApplicable</c>).
        /// </summary>
        protected Initializer CreateInitializer() =>
            Initializer.Create(
                SelectedScheme,
                Distribution is null ? null : Names.ParseDistribution(Distribution),
                Mode is null ? null : Names.ParseFanMode(Mode),
                Nonlinearity is null ? null : Names.ParseNonlinearity(Nonlinearity),
                NegativeSlope,
                Gain,
                SelectedScale);
    }
}
