using System.Management.Automation;
using KaimingTools.Distributions;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the exact probability distribution of a layer's initial weights: its density, cdf, quantile, moments, support and formula.</para>
    /// <para type="description">The direct answer to "what is the analytical formula for the Kaiming He probability density function": a uniform, normal or truncated normal whose parameter comes from fan and gain. The result's Formula shows the density with the numbers filled in (FormulaLaTeX for notebooks), and its methods Pdf(x), LogPdf(x), Cdf(x) and Quantile(p) evaluate it exactly.</para>
    /// <para type="description">With -X the distribution is evaluated at those points instead: one row per point with X, Pdf and Cdf.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-InitDistribution -FanIn 512</code>
    ///   <para>The Kaiming He (ReLU, fan_in) normal for 512 inputs: f(x) = 1/(σ√(2π))·exp(−x²/(2σ²)) with σ = 0.0625, σ² = 0.00390625.</para>
    /// </example>
    /// <example>
    ///   <code>Get-InitDistribution -FanIn 512 -Distribution Uniform -X -0.2, 0, 0.1</code>
    ///   <para>Density and cdf of U(±√(6/512)) at three points: 0 outside ±0.108253, 1/(2b) = 4.6188 inside.</para>
    /// </example>
    /// <example>
    ///   <code>$d = Get-InitDistribution -FanIn 512; $d.Quantile(0.975); $d.Cdf(0.1)</code>
    ///   <para>The 97.5 % quantile (1.95996·σ) and P(w ≤ 0.1) of the same distribution.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "InitDistribution", DefaultParameterSetName = ByFanSet)]
    [OutputType(typeof(LayerDistribution), typeof(DensityPoint))]
    public sealed class GetInitDistributionCommand : SchemeCommandBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">Points at which to evaluate the density and the cdf (one output row per point).</para>
        /// </summary>
        [Parameter]
        public double[]? X { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            Run(() =>
            {
                var distribution = new LayerDistribution(CreateInitializer(), LayerFans());
                if (X is null)
                {
                    WriteObject(WithName(distribution));
                    return;
                }

                foreach (DensityPoint point in distribution.Evaluate(X))
                {
                    WriteObject(WithName(point));
                }
            });
        }

        #endregion
    }
}
