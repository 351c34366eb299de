using System.Net;

namespace KaimingTools.Interactive
{
    /// <summary>Display maths in HTML output: <c>$$…$$</c> for Jupyter's MathJax, typeset with KaTeX elsewhere (VS Code).</summary>
    internal static class MathHtml
    {
        private const string KaTeX = "https://cdn.jsdelivr.net/npm/katex@0.16.11/dist/";

        /// <summary>A block holding <paramref name="latex"/> between <c>$$</c> delimiters, with a script that typesets it.</summary>
        internal static string Block(string latex)
        {
            string id = "kaimingtools-math-" + System.Guid.NewGuid().ToString("N").Substring(0, 12);
            return
                $"<div id=\"{id}\" class=\"kaimingtools-math\">$${WebUtility.HtmlEncode(latex)}$$</div>\n" +
                "<script type=\"text/javascript\">\n" +
                "(function () {\n" +
                $"  var el = document.getElementById('{id}'); if (!el) return;\n" +
                "  if (window.MathJax && window.MathJax.Hub) { window.MathJax.Hub.Queue(['Typeset', window.MathJax.Hub, el]); return; }\n" +
                "  if (window.MathJax && window.MathJax.typesetPromise) { window.MathJax.typesetPromise([el]); return; }\n" +
                "  var render = function () { var tex = el.textContent.replace(/^\\$\\$|\\$\\$$/g, ''); window.katex.render(tex, el, { displayMode: true, throwOnError: false }); };\n" +
                "  if (window.katex) { render(); return; }\n" +
                $"  var css = document.createElement('link'); css.rel = 'stylesheet'; css.href = '{KaTeX}katex.min.css'; document.head.appendChild(css);\n" +
                $"  var s = document.createElement('script'); s.src = '{KaTeX}katex.min.js'; s.onload = render; document.head.appendChild(s);\n" +
                "})();\n" +
                "</script>";
        }
    }
}
