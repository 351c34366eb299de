using System.Collections.Generic;
using KaimingTools.Distributions;
using XPlot.Plotly;

namespace KaimingTools.Interactive
{
    /// <summary>A layer's weight distribution: its numbers, its formula as rendered maths, and its pdf and cdf.</summary>
    internal static class DistributionHtml
    {
        internal static string Render(LayerDistribution distribution)
        {
            InitBounds b = distribution.Bounds;
            var rows = new List<KeyValuePair<string, string>>
            {
                new("Scheme", $"{b.Scheme} {b.Distribution}, {b.Mode} = {HtmlTable.Number(b.Fan)}, gain {HtmlTable.Number(b.Gain)}"),
                new("Std σ = gain/√fan", HtmlTable.Number(distribution.StdDev)),
                new("Variance σ² = gain²/fan", HtmlTable.Number(distribution.Variance)),
                new("Support", $"[{HtmlTable.Number(distribution.Minimum)}, {HtmlTable.Number(distribution.Maximum)}]"),
                new("Excess kurtosis", HtmlTable.Number(distribution.ExcessKurtosis)),
            };

            // Plot over ±4σ, or the support plus a margin for the bounded families so the jumps show.
            double half = distribution.Kind == DistributionKind.Normal ? 4 * distribution.StdDev : 1.15 * distribution.Maximum;
            var xs = new List<double>();
            var pdf = new List<double>();
            var cdf = new List<double>();
            const int Points = 401;
            for (int i = 0; i < Points; i++)
            {
                double x = -half + (2 * half * i / (Points - 1));
                xs.Add(x);
                pdf.Add(distribution.Pdf(x));
                cdf.Add(distribution.Cdf(x));
            }

            var traces = new Trace[]
            {
                new Scatter { x = xs, y = pdf, mode = "lines", name = "pdf f(w)" },
                new Scatter { x = xs, y = cdf, mode = "lines", name = "cdf F(w)", yaxis = "y2" },
            };
            var layout = new Layout.Layout
            {
                title = $"{b.Scheme} {b.Distribution}: σ = {HtmlTable.Number(distribution.StdDev)}",
                xaxis = new Xaxis { title = "w" },
                yaxis = new Yaxis { title = "f(w)" },
                yaxis2 = new Yaxis { title = "F(w)", overlaying = "y", side = "right", range = new[] { 0.0, 1.0 } },
            };

            return "<div class=\"kaimingtools-distribution\">" + MathHtml.Block(distribution.FormulaLaTeX) + HtmlTable.Of(rows) + PlotlyHtml.Render(traces, layout) + "</div>";
        }
    }
}
