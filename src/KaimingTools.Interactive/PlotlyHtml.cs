using System;
using System.Collections.Generic;
using XPlot.Plotly;

namespace KaimingTools.Interactive
{
    /// <summary>Turns an XPlot.Plotly chart into an HTML fragment that draws itself in Polyglot Notebooks and Jupyter.</summary>
    internal static class PlotlyHtml
    {
        /// <summary>The plotly.js loaded when the page has none (the version XPlot.Plotly.Interactive uses).</summary>
        internal const string PlotlySource = "https://cdn.plot.ly/plotly-1.49.2.min.js";

        private static int _counter;

        /// <summary>
        /// A <c>div</c> with the chart and a script that plots it: with <c>window.Plotly</c> if the page has it,
        /// through RequireJS if the page uses it (classic Jupyter), else by loading plotly.js first.
        /// </summary>
        internal static string Render(IEnumerable<Trace> traces, Layout.Layout layout, int height = 360)
        {
            PlotlyChart chart = Chart.Plot(traces, layout);
            chart.Id = "kaimingtools-plot-" + System.Threading.Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            chart.Height = height;
            chart.Width = 640;
            string plotting = chart.GetPlottingJS();
            return
                $"<div id=\"{chart.Id}\" class=\"plotly-graph-div\" style=\"width:640px;height:{height}px;\"></div>\n" +
                "<script type=\"text/javascript\">\n" +
                "(function () {\n" +
                $"  var plot = function (Plotly) {{ {plotting} }};\n" +
                "  if (window.Plotly) { plot(window.Plotly); return; }\n" +
                $"  if (typeof require === 'function' && typeof require.config === 'function') {{ require.config({{ paths: {{ plotly: '{PlotlySource.Substring(0, PlotlySource.Length - 3)}' }} }}); require(['plotly'], plot); return; }}\n" +
                $"  var s = document.createElement('script'); s.src = '{PlotlySource}'; s.onload = function () {{ plot(window.Plotly); }}; document.head.appendChild(s);\n" +
                "})();\n" +
                "</script>";
        }
    }
}
