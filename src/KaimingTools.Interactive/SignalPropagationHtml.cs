using System.Collections.Generic;
using System.Linq;
using KaimingTools.Simulation;
using XPlot.Plotly;

namespace KaimingTools.Interactive
{
    /// <summary>Signal-propagation results: Var[y_l] and Var[Δx_l] against depth l on a log axis, one line per scheme.</summary>
    internal static class SignalPropagationHtml
    {
        internal static string Render(IReadOnlyList<SignalPropagationResult> results)
        {
            var traces = new List<Trace>();
            var rows = new List<KeyValuePair<string, string>>();
            foreach (SignalPropagationResult r in results)
            {
                double[] layers = r.Layers.Select(l => (double)l.Layer).ToArray();
                traces.Add(new Scatter { x = layers, y = r.Layers.Select(l => l.ActivationVariance).ToArray(), mode = "lines+markers", name = r.Weights.Label + " Var[y]" });
                traces.Add(new Scatter { x = layers, y = r.Layers.Select(l => l.GradientVariance).ToArray(), mode = "lines", name = r.Weights.Label + " Var[Δx]", line = new Line { dash = "dot" } });
                rows.Add(new(r.Weights.Label,
                    $"Var[y_1] = {HtmlTable.Number(r.Layers[0].ActivationVariance)}, Var[y_L] = {HtmlTable.Number(r.Layers[r.Layers.Count - 1].ActivationVariance)}, " +
                    $"Var[y_L]/Var[y_1] = {HtmlTable.Number(r.ActivationRatio)}, Var[Δx_1]/Var[Δx_L] = {HtmlTable.Number(r.GradientRatio)}"));
            }

            SignalPropagationResult first = results[0];
            string title = $"{first.Network.Depth} layers, {first.Network.Nonlinearity}, batch {first.BatchSize}, seed {first.Seed}";
            var layout = new Layout.Layout
            {
                title = title,
                xaxis = new Xaxis { title = "layer l" },
                yaxis = new Yaxis { title = "variance", type = "log", exponentformat = "power" },
            };
            return "<div class=\"kaimingtools-signal\">" + HtmlTable.Of(rows) + PlotlyHtml.Render(traces, layout, 420) + "</div>";
        }
    }
}
