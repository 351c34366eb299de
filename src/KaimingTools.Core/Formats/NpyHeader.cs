using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KaimingTools.Formats
{
    /// <summary>
    /// The dictionary in a .npy header, e.g. <c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }</c>,
    /// read by a small strict parser of exactly that Python-literal subset: NumPy evaluates it with
    /// <c>ast.literal_eval</c>, we never evaluate anything.
    /// </summary>
    internal sealed class NpyHeader
    {
        /// <summary>Deepest nesting accepted: shapes are one tuple deep; this only stops hostile recursion.</summary>
        private const int MaxDepth = 8;

        /// <summary>NumPy's own limit on dimensions (NPY_MAXDIMS in NumPy 2).</summary>
        internal const int MaxRank = 64;

        private readonly string _text;
        private readonly string? _path;
        private int _pos;

        private NpyHeader(string text, string? path)
        {
            _text = text;
            _path = path;
        }

        /// <summary>The dtype string, e.g. <c>&lt;f4</c>.</summary>
        public string Descr { get; private set; } = string.Empty;

        /// <summary>True for a column-major array.</summary>
        public bool FortranOrder { get; private set; }

        /// <summary>The dimensions.</summary>
        public long[] Shape { get; private set; } = Array.Empty<long>();

        /// <summary>Parses the header text (ASCII, already checked).</summary>
        /// <exception cref="TensorFileException"><c>NpyMalformedHeader</c>, <c>NpyUnsupportedDtype</c>, <c>NpyShapeTooLarge</c>.</exception>
        public static NpyHeader Parse(string text, string? path)
        {
            var header = new NpyHeader(text, path);
            header.ParseDictionary();
            return header;
        }

        /// <summary>Formats a header dictionary as NumPy writes it (<c>repr</c> of the dict, keys sorted).</summary>
        public static string Format(string descr, IReadOnlyList<long> shape)
        {
            var builder = new StringBuilder();
            builder.Append("{'descr': '").Append(descr).Append("', 'fortran_order': False, 'shape': (");
            for (int i = 0; i < shape.Count; i++)
            {
                builder.Append(shape[i].ToString(CultureInfo.InvariantCulture));
                builder.Append(shape.Count == 1 ? "," : (i + 1 < shape.Count ? ", " : string.Empty));
            }

            return builder.Append("), }").ToString();
        }

        private void ParseDictionary()
        {
            SkipSpace();
            Expect('{');
            var seen = new HashSet<string>(StringComparer.Ordinal);
            object? descr = null, fortran = null, shape = null;
            SkipSpace();
            while (Peek() != '}')
            {
                string key = ParseString();
                if (!seen.Add(key))
                {
                    throw Malformed($"the key '{key}' appears twice");
                }

                SkipSpace();
                Expect(':');
                object value = ParseValue(1);
                switch (key)
                {
                    case "descr": descr = value; break;
                    case "fortran_order": fortran = value; break;
                    case "shape": shape = value; break;
                    default: throw Malformed($"unexpected key '{key}' (a .npy header has exactly 'descr', 'fortran_order' and 'shape')");
                }

                SkipSpace();
                if (Peek() == ',')
                {
                    _pos++;
                    SkipSpace();
                }
                else if (Peek() != '}')
                {
                    throw Malformed($"expected ',' or '}}' at offset {_pos}");
                }
            }

            _pos++;
            SkipSpace();
            if (_pos != _text.Length)
            {
                throw Malformed($"unexpected text after the dictionary at offset {_pos}");
            }

            if (descr is null || fortran is null || shape is null)
            {
                throw Malformed("a .npy header needs 'descr', 'fortran_order' and 'shape'");
            }

            Descr = descr as string ?? throw TensorFileException.Invalid("NpyUnsupportedDtype", _path,
                "The dtype is not a simple type string (a structured/record dtype, or garbage); only '<f4', '<f8' and '<f2' arrays are supported.");
            FortranOrder = fortran as bool? ?? throw Malformed("'fortran_order' must be True or False");
            Shape = ToShape(shape);
        }

        private long[] ToShape(object value)
        {
            if (value is not Sequence { IsTuple: true } sequence)
            {
                throw Malformed("'shape' must be a tuple of integers");
            }

            List<object> items = sequence.Items;
            if (items.Count > MaxRank)
            {
                throw TensorFileException.Invalid("NpyShapeTooLarge", _path, $"The shape has {items.Count} dimensions; at most {MaxRank} are supported.");
            }

            var shape = new long[items.Count];
            for (int i = 0; i < items.Count; i++)
            {
                shape[i] = items[i] as long? ?? throw Malformed("'shape' must be a tuple of integers");
            }

            return shape;
        }

        /// <summary>A string, True/False, a non-negative integer, or a tuple/list of values.</summary>
        private object ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Malformed("values are nested too deeply");
            }

            SkipSpace();
            char c = Peek();
            if (c == '\'' || c == '"')
            {
                return ParseString();
            }

            if (c == '(' || c == '[')
            {
                _pos++;
                char close = c == '(' ? ')' : ']';
                var items = new List<object>();
                SkipSpace();
                bool trailingComma = false;
                while (Peek() != close)
                {
                    items.Add(ParseValue(depth + 1));
                    SkipSpace();
                    trailingComma = false;
                    if (Peek() == ',')
                    {
                        _pos++;
                        SkipSpace();
                        trailingComma = true;
                    }
                    else if (Peek() != close)
                    {
                        throw Malformed($"expected ',' or '{close}' at offset {_pos}");
                    }
                }

                _pos++;

                // In Python (3) is an integer, not a tuple; only a 1-tuple needs its comma.
                if (c == '(' && items.Count == 1 && !trailingComma)
                {
                    return items[0];
                }

                return new Sequence(items, c == '(');
            }

            if (c >= '0' && c <= '9')
            {
                int start = _pos;
                while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
                {
                    _pos++;
                }

                string digits = _text.Substring(start, _pos - start);
                if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long number))
                {
                    throw TensorFileException.Invalid("NpyShapeTooLarge", _path, $"The dimension {Truncate(digits)} does not fit in a 64-bit integer.");
                }

                return number;
            }

            if (Match("True"))
            {
                return true;
            }

            if (Match("False"))
            {
                return false;
            }

            throw Malformed($"unexpected character '{Printable(c)}' at offset {_pos}");
        }

        private string ParseString()
        {
            SkipSpace();
            char quote = Peek();
            if (quote != '\'' && quote != '"')
            {
                throw Malformed($"expected a quoted string at offset {_pos}");
            }

            int start = ++_pos;
            while (_pos < _text.Length && _text[_pos] != quote)
            {
                if (_text[_pos] == '\\')
                {
                    throw Malformed("escape sequences in strings are not supported");
                }

                _pos++;
            }

            if (_pos >= _text.Length)
            {
                throw Malformed("a string is not closed");
            }

            return _text.Substring(start, _pos++ - start);
        }

        private bool Match(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) == 0)
            {
                _pos += word.Length;
                return true;
            }

            return false;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Malformed($"expected '{c}' at offset {_pos}");
            }

            _pos++;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : throw Malformed("the header ends early");

        private void SkipSpace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                _pos++;
            }
        }

        private TensorFileException Malformed(string detail) =>
            TensorFileException.Invalid("NpyMalformedHeader", _path, $"The .npy header is malformed: {detail}.");

        /// <summary>A parsed tuple or list: only a tuple is a valid shape.</summary>
        private sealed class Sequence
        {
            public Sequence(List<object> items, bool isTuple)
            {
                Items = items;
                IsTuple = isTuple;
            }

            public List<object> Items { get; }

            public bool IsTuple { get; }
        }

        private static string Printable(char c) => c < ' ' || c > '~' ? $"\\x{(int)c:x2}" : c.ToString();

        private static string Truncate(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;
    }
}
