using System;
using System.Collections.Generic;
using KaimingTools.Distributions;
using KaimingTools.Statistics;
using KaimingTools.Tensors;
using XPlot.Plotly;

namespace KaimingTools.Interactive
{
    /// <summary>A weight tensor: its summary table and a density histogram with the analytical pdf laid over it.</summary>
    internal static class WeightTensorHtml
    {
        private const int Bins = 60;

        internal static string Render(WeightTensor tensor)
        {
            SampleSummary s = tensor.Summary;
            var rows = new List<KeyValuePair<string, string>>
            {
                new("Shape", "(" + string.Join(", ", tensor.Shape) + $")  {tensor.ElementType}, {tensor.Count:N0} elements, {tensor.Layout} layout"),
            };
            LayerDistribution? expected = tensor.Init is null ? null : new LayerDistribution(tensor.Init);
            if (expected is not null)
            {
                InitBounds b = expected.Bounds;
                rows.Add(new("Init", $"{b.Scheme} {b.Distribution}, {b.Mode} = {HtmlTable.Number(b.Fan)}, gain {HtmlTable.Number(b.Gain)}"));
                rows.Add(new("Expected", $"std {HtmlTable.Number(expected.StdDev)}, variance {HtmlTable.Number(expected.Variance)}, support [{HtmlTable.Number(expected.Minimum)}, {HtmlTable.Number(expected.Maximum)}]"));
            }

            rows.Add(new("Sample", $"mean {HtmlTable.Number(s.Mean)}, std {HtmlTable.Number(s.StdDev)}, min {HtmlTable.Number(s.Min)}, max {HtmlTable.Number(s.Max)}, excess kurtosis {HtmlTable.Number(s.ExcessKurtosis)}"));
            if (tensor.Seed is ulong seed)
            {
                rows.Add(new("Seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            var traces = new List<Trace> { Histogram(tensor.ToDoubleArray(), s.Min, s.Max) };
            if (expected is not null)
            {
                traces.Add(Pdf(expected, s.Min, s.Max));
            }

            var layout = new Layout.Layout
            {
                title = tensor.Name ?? "Weights",
                xaxis = new Xaxis { title = "w" },
                yaxis = new Yaxis { title = "density" },
                bargap = 0,
            };
            return "<div class=\"kaimingtools-tensor\">" + HtmlTable.Of(rows) + PlotlyHtml.Render(traces, layout) + "</div>";
        }

        /// <summary>Bin heights as densities (count / (n·width)), so they are on the pdf's scale.</summary>
        private static Bar Histogram(double[] values, double min, double max)
        {
            double width = max > min ? (max - min) / Bins : 1;
            var counts = new long[Bins];
            foreach (double v in values)
            {
                counts[Math.Min(Bins - 1, (int)((v - min) / width))]++;
            }

            var centers = new double[Bins];
            var heights = new double[Bins];
            for (int i = 0; i < Bins; i++)
            {
                centers[i] = min + ((i + 0.5) * width);
                heights[i] = counts[i] / (values.Length * width);
            }

            return new Bar { x = centers, y = heights, name = "sample", opacity = 0.6 };
        }

        private static Scatter Pdf(LayerDistribution expected, double min, double max)
        {
            const int Points = 241;
            var xs = new double[Points];
            var ys = new double[Points];
            for (int i = 0; i < Points; i++)
            {
                xs[i] = min + ((max - min) * i / (Points - 1));
                ys[i] = expected.Pdf(xs[i]);
            }

            return new Scatter { x = xs, y = ys, mode = "lines", name = "pdf" };
        }
    }
}
