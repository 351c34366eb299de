using System;
using System.Globalization;

namespace KaimingTools.Distributions
{
    /// <summary>Writes the numbers inside <see cref="IContinuousDistribution.Formula"/> texts.</summary>
    internal static class FormulaNumber
    {
        /// <summary>
        /// <paramref name="value"/> with 6 significant digits, invariant culture. Unicode uses the minus sign
        /// U+2212 and ×10ⁿ for exponents; LaTeX uses <c>-</c> and <c>\times 10^{n}</c>.
        /// </summary>
        public static string Format(double value, FormulaStyle style)
        {
            if (double.IsPositiveInfinity(value))
            {
                return style == FormulaStyle.LaTeX ? @"\infty" : "∞";
            }

            if (double.IsNegativeInfinity(value))
            {
                return style == FormulaStyle.LaTeX ? @"-\infty" : "−∞";
            }

            string text = value.ToString("G6", CultureInfo.InvariantCulture);
            int e = text.IndexOf('E');
            string mantissa = e < 0 ? text : text.Substring(0, e);
            string exponent = e < 0 ? string.Empty : int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            if (style == FormulaStyle.LaTeX)
            {
                return e < 0 ? mantissa : mantissa + @"\times 10^{" + exponent + "}";
            }

            mantissa = mantissa.Replace('-', '−');
            return e < 0 ? mantissa : mantissa + "×10" + Superscript(exponent);
        }

        private static string Superscript(string digits)
        {
            const string Super = "⁰¹²³⁴⁵⁶⁷⁸⁹";
            char[] result = new char[digits.Length];
            for (int i = 0; i < digits.Length; i++)
            {
                char c = digits[i];
                result[i] = c == '-' ? '⁻' : Super[c - '0'];
            }

            return new string(result);
        }
    }
}
