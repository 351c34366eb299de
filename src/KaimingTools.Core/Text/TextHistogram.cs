using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using KaimingTools.Distributions;

namespace KaimingTools.Text
{
    /// <summary>
    /// Draws a histogram (as a density, so it is comparable with a pdf) in Unicode block characters,
    /// with an analytical density drawn over it as dots: the picture of "do these weights follow that
    /// distribution" in a terminal.
    /// </summary>
    public static class TextHistogram
    {
        private const string Eighths = " ▁▂▃▄▅▆▇█";
        private const char PdfMark = '•';
        private const int LabelWidth = 9;

        /// <summary>
        /// Renders <paramref name="values"/> as <paramref name="height"/> rows of bars, one bin per column,
        /// with axis labels, fitting in <paramref name="width"/> characters.
        /// </summary>
        /// <param name="values">The sample.</param>
        /// <param name="overlay">A density to draw over the bars (its support sets the range when finite); may be null.</param>
        /// <param name="width">Total width in characters (≥ 20).</param>
        /// <param name="height">Rows of bars (≥ 2).</param>
        /// <exception cref="ArgumentException">Empty sample, or width/height too small.</exception>
        public static IReadOnlyList<string> Render(ReadOnlySpan<double> values, IContinuousDistribution? overlay, int width, int height)
        {
            if (values.IsEmpty)
            {
                throw new ArgumentException("There is nothing to draw: the sample is empty.", nameof(values));
            }

            if (width < 20 || height < 2)
            {
                throw new ArgumentException("The histogram needs at least 20 columns and 2 rows.", nameof(width));
            }

            int bins = width - LabelWidth - 1;
            (double lo, double hi) = Range(values, overlay);
            double binWidth = (hi - lo) / bins;
            var density = new double[bins];
            foreach (double v in values)
            {
                int bin = (int)Math.Floor((v - lo) / binWidth);
                if (bin >= 0 && bin < bins)
                {
                    density[bin] += 1;
                }
                else if (v == hi)
                {
                    density[bins - 1] += 1;
                }
            }

            var pdf = new double[bins];
            double top = 0;
            for (int b = 0; b < bins; b++)
            {
                density[b] /= values.Length * binWidth;
                pdf[b] = overlay?.Density(lo + (b + 0.5) * binWidth) ?? 0;
                top = Math.Max(top, Math.Max(density[b], pdf[b]));
            }

            top = top > 0 ? top * 1.05 : 1;
            var lines = new List<string>();
            for (int row = height; row >= 1; row--)
            {
                var line = new StringBuilder();
                string label = row == height || row == (height + 1) / 2 ? Number(top * row / height) : string.Empty;
                line.Append(label.PadLeft(LabelWidth - 1)).Append(" │");
                for (int b = 0; b < bins; b++)
                {
                    double bar = density[b] / top * height;
                    double mark = pdf[b] / top * height;
                    // A dot per column where the density passes through this row; not along the empty tails.
                    bool dot = overlay is not null && mark > row - 1 && mark <= row && mark >= 0.125;
                    line.Append(dot ? PdfMark : Eighths[(int)Math.Round(Math.Max(0, Math.Min(1, bar - (row - 1))) * 8)]);
                }

                lines.Add(line.ToString().TrimEnd());
            }

            lines.Add(new string(' ', LabelWidth) + "└" + new string('─', bins));
            string left = Number(lo), middle = Number((lo + hi) / 2), right = Number(hi);
            var axis = new StringBuilder(new string(' ', LabelWidth + 1 + bins));
            Place(axis, LabelWidth + 1, left);
            Place(axis, LabelWidth + 1 + (bins - middle.Length) / 2, middle);
            Place(axis, LabelWidth + 1 + bins - right.Length, right);
            lines.Add(axis.ToString().TrimEnd());
            return lines;
        }

        private static (double Lo, double Hi) Range(ReadOnlySpan<double> values, IContinuousDistribution? overlay)
        {
            if (overlay is not null && !double.IsInfinity(overlay.Minimum) && !double.IsInfinity(overlay.Maximum))
            {
                return (overlay.Minimum, overlay.Maximum);
            }

            if (overlay is not null)
            {
                double spread = 4 * overlay.StdDev;
                return (overlay.Mean - spread, overlay.Mean + spread);
            }

            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            foreach (double v in values)
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }

            return hi > lo ? (lo, hi) : (lo - 0.5, lo + 0.5);
        }

        private static void Place(StringBuilder line, int at, string text)
        {
            for (int i = 0; i < text.Length && at + i < line.Length; i++)
            {
                line[Math.Max(0, at) + i] = text[i];
            }
        }

        private static string Number(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
    }
}
