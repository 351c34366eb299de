using System;
using System.Globalization;
using System.Management.Automation;
using KaimingTools.Distributions;
using KaimingTools.Statistics;
using KaimingTools.Tensors;
using KaimingTools.Text;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Draws a tensor's histogram in the console with the analytical density over it, and the key numbers under it.</para>
    /// <para type="description">Bars (Unicode blocks) show the weights' empirical density, one bin per column, as wide as the console window; dots (•) trace the exact density of the initialisation the tensor records (or the one the initialiser parameters describe). Under the picture: the distribution, expected and sample std, and the Kolmogorov–Smirnov p-value.</para>
    /// </summary>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 512 -Seed 1 | Show-InitHistogram</code>
    ///   <para>The bell of N(0, 2/512) with its pdf traced over it.</para>
    /// </example>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 512 -Distribution Uniform | Show-InitHistogram -Height 8 -Width 70</code>
    ///   <para>A flat uniform between ±0.108 in 8 rows and 70 columns.</para>
    /// </example>
    [Cmdlet(VerbsCommon.Show, "InitHistogram")]
    [OutputType(typeof(string))]
    public sealed class ShowInitHistogramCommand : PSCmdlet
    {
        #region Parameters

        /// <summary>
        /// <para type="description">The tensor to draw.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        public WeightTensor? InputObject { get; set; }

        /// <summary>
        /// <para type="description">Width in characters (default: the console window's width, or 80).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(20, 1000)]
        public int Width { get; set; }

        /// <summary>
        /// <para type="description">Rows of bars (default 12).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(2, 200)]
        public int Height { get; set; } = 12;

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            WeightTensor tensor = InputObject!;
            LayerDistribution? expected = tensor.Init is null ? null : new LayerDistribution(tensor.Init);
            double[] values = tensor.ToDoubleArray();
            var lines = TextHistogram.Render(values, expected?.Exact, Width > 0 ? Width : WindowWidth(), Height);
            WriteObject(string.Join(Environment.NewLine, lines));
            WriteObject(Caption(tensor, expected));
        }

        #endregion

        private string Caption(WeightTensor tensor, LayerDistribution? expected)
        {
            var inv = CultureInfo.InvariantCulture;
            SampleSummary s = tensor.Summary;
            string head = string.Format(inv, "{0} {1}  n = {2:N0}  sample mean {3:G4}, std {4:G6}", tensor.Name ?? "weights", Fans.FormatShape(tensor.Shape), s.Count, s.Mean, s.StdDev);
            if (expected is null)
            {
                return head;
            }

            InitFitResult fit = InitFitTest.Test(tensor, expected);
            return head + Environment.NewLine + string.Format(inv, "• {0} {1}: {2}{3}  expected std {4:G6}  KS D = {5:G3}, p = {6:G3}",
                expected.Bounds.Scheme, expected.Kind, expected.Formula, Environment.NewLine, expected.StdDev, fit.Statistic, fit.PValue);
        }

        private int WindowWidth()
        {
            try
            {
                int width = Host.UI.RawUI.WindowSize.Width;
                return width >= 20 ? width - 1 : 80;
            }
            catch (Exception ex) when (ex is NotImplementedException || ex is System.Management.Automation.Host.HostException || ex is System.IO.IOException)
            {
                return 80;
            }
        }
    }
}
