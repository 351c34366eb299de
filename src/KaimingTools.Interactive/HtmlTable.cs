using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Text;

namespace KaimingTools.Interactive
{
    /// <summary>A two-column HTML table of named values.</summary>
    internal static class HtmlTable
    {
        internal static string Of(IEnumerable<KeyValuePair<string, string>> rows)
        {
            var html = new StringBuilder("<table class=\"kaimingtools-summary\">");
            foreach (KeyValuePair<string, string> row in rows)
            {
                html.Append("<tr><th>").Append(WebUtility.HtmlEncode(row.Key)).Append("</th><td>")
                    .Append(WebUtility.HtmlEncode(row.Value)).Append("</td></tr>");
            }

            return html.Append("</table>").ToString();
        }

        /// <summary>A number with 6 significant digits, invariant culture.</summary>
        internal static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
    }
}
