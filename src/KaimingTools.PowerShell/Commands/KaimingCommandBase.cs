using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>The parameters of a Kaiming/He initialiser, shared by New-KaimingWeights and Get-InitBounds.</summary>
    public abstract class KaimingCommandBase : LayerCommandBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">FanIn (default; preserves activation variance, He et al. eq. 10) or FanOut (preserves gradient variance, eq. 14). PyTorch's fan_in/fan_out spellings work.</para>
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
        /// <para type="description">Normal (default, the paper's), Uniform, or TruncatedNormal (Keras/JAX he_normal: cut at ±2σ', std still σ).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DistributionCompleter))]
        public string? Distribution { get; set; }

        #endregion

        /// <summary>The initialiser these parameters describe.</summary>
        protected Initializer CreateInitializer() =>
            Initializer.Create(
                InitScheme.Kaiming,
                Distribution is null ? null : Names.ParseDistribution(Distribution),
                Mode is null ? null : Names.ParseFanMode(Mode),
                Nonlinearity is null ? null : Names.ParseNonlinearity(Nonlinearity),
                NegativeSlope,
                Gain);
    }
}
