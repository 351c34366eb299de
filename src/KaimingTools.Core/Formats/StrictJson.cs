using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KaimingTools.Formats
{
    /// <summary>
    /// A small, strict RFC 8259 JSON reader and string writer for safetensors headers.
    /// </summary>
    /// <remarks>
    /// Why not System.Text.Json: on netstandard2.0 (Windows PowerShell 5.1) it is a package that brings six
    /// more assemblies into the module, whose versions clash with whatever else the session has loaded; and
    /// its DOM silently accepts duplicate keys, which a hostile header can use to show different tensors to
    /// different readers. This reader refuses duplicates, trailing commas, comments, lone surrogates,
    /// leading zeros and nesting deeper than <see cref="MaxDepth"/>, and never recurses unboundedly.
    /// </remarks>
    internal sealed class StrictJson
    {
        /// <summary>A safetensors header is two levels deep; this only stops hostile nesting.</summary>
        internal const int MaxDepth = 32;

        private readonly string _text;
        private int _pos;

        private StrictJson(string text)
        {
            _text = text;
        }

        /// <summary>Parses one JSON value, surrounded only by whitespace.</summary>
        /// <exception cref="JsonError">Invalid JSON or a duplicate key.</exception>
        public static JsonNode Parse(string text)
        {
            var reader = new StrictJson(text);
            JsonNode value = reader.ParseValue(0);
            reader.SkipSpace();
            if (reader._pos != text.Length)
            {
                throw reader.Error("unexpected text after the JSON value");
            }

            return value;
        }

        /// <summary>Appends <paramref name="value"/> as a JSON string literal.</summary>
        public static void WriteString(StringBuilder builder, string value)
        {
            builder.Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }

        private JsonNode ParseValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"nesting deeper than {MaxDepth} levels");
            }

            SkipSpace();
            if (_pos >= _text.Length)
            {
                throw Error("the text ends where a value was expected");
            }

            char c = _text[_pos];
            switch (c)
            {
                case '{': return ParseObject(depth);
                case '[': return ParseArray(depth);
                case '"': return new JsonNode.String(ParseString());
                case 't': ExpectWord("true"); return JsonNode.Literal.True;
                case 'f': ExpectWord("false"); return JsonNode.Literal.False;
                case 'n': ExpectWord("null"); return JsonNode.Literal.Null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ParseNumber();
                    }

                    throw Error($"unexpected character {Describe(c)}");
            }
        }

        private JsonNode.Object ParseObject(int depth)
        {
            _pos++;
            var members = new List<KeyValuePair<string, JsonNode>>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                return new JsonNode.Object(members);
            }

            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw Error("expected a quoted key");
                }

                int keyOffset = _pos;
                string key = ParseString();
                if (!keys.Add(key))
                {
                    throw new JsonError($"the key \"{Shorten(key)}\" appears twice (offset {keyOffset})", isDuplicateKey: true);
                }

                SkipSpace();
                Expect(':');
                members.Add(new KeyValuePair<string, JsonNode>(key, ParseValue(depth + 1)));
                SkipSpace();
                char next = Peek();
                _pos++;
                if (next == '}')
                {
                    return new JsonNode.Object(members);
                }

                if (next != ',')
                {
                    _pos--;
                    throw Error("expected ',' or '}'");
                }
            }
        }

        private JsonNode.Array ParseArray(int depth)
        {
            _pos++;
            var items = new List<JsonNode>();
            SkipSpace();
            if (Peek() == ']')
            {
                _pos++;
                return new JsonNode.Array(items);
            }

            while (true)
            {
                items.Add(ParseValue(depth + 1));
                SkipSpace();
                char next = Peek();
                _pos++;
                if (next == ']')
                {
                    return new JsonNode.Array(items);
                }

                if (next != ',')
                {
                    _pos--;
                    throw Error("expected ',' or ']'");
                }
            }
        }

        private string ParseString()
        {
            _pos++; // the opening quote
            var builder = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("a string is not closed");
                }

                char c = _text[_pos++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < 0x20)
                {
                    _pos--;
                    throw Error("a control character inside a string");
                }

                if (char.IsSurrogate(c))
                {
                    // Strings come from UTF-8 decoded strictly, so surrogates arrive paired; check anyway.
                    if (!char.IsHighSurrogate(c) || _pos >= _text.Length || !char.IsLowSurrogate(_text[_pos]))
                    {
                        throw Error("an unpaired surrogate");
                    }

                    builder.Append(c).Append(_text[_pos++]);
                    continue;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                char escape = Peek();
                _pos++;
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        char unit = ParseHex4();
                        if (char.IsHighSurrogate(unit))
                        {
                            if (_pos + 1 < _text.Length && _text[_pos] == '\\' && _text[_pos + 1] == 'u')
                            {
                                _pos += 2;
                                char low = ParseHex4();
                                if (!char.IsLowSurrogate(low))
                                {
                                    throw Error("an unpaired surrogate escape");
                                }

                                builder.Append(unit).Append(low);
                                break;
                            }

                            throw Error("an unpaired surrogate escape");
                        }

                        if (char.IsLowSurrogate(unit))
                        {
                            throw Error("an unpaired surrogate escape");
                        }

                        builder.Append(unit);
                        break;
                    default:
                        _pos--;
                        throw Error($"an invalid escape \\{Describe(escape)}");
                }
            }
        }

        private char ParseHex4()
        {
            if (_pos + 4 > _text.Length)
            {
                throw Error("a \\u escape is cut short");
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                char h = _text[_pos++];
                int digit = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (digit < 0)
                {
                    _pos--;
                    throw Error("a \\u escape needs four hex digits");
                }

                value = (value << 4) | digit;
            }

            return (char)value;
        }

        private JsonNode.Number ParseNumber()
        {
            int start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] == '0')
            {
                _pos++;
            }
            else if (!Digits())
            {
                throw Error("a number needs digits");
            }

            if (_pos < _text.Length && _text[_pos] == '.')
            {
                _pos++;
                if (!Digits())
                {
                    throw Error("a number needs digits after '.'");
                }
            }

            if (_pos < _text.Length && (_text[_pos] == 'e' || _text[_pos] == 'E'))
            {
                _pos++;
                if (_pos < _text.Length && (_text[_pos] == '+' || _text[_pos] == '-'))
                {
                    _pos++;
                }

                if (!Digits())
                {
                    throw Error("a number needs digits in its exponent");
                }
            }

            return new JsonNode.Number(_text.Substring(start, _pos - start));
        }

        private bool Digits()
        {
            int start = _pos;
            while (_pos < _text.Length && _text[_pos] >= '0' && _text[_pos] <= '9')
            {
                _pos++;
            }

            return _pos > start;
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error($"unexpected character {Describe(_text[_pos])}");
            }

            _pos += word.Length;
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Error($"expected '{c}'");
            }

            _pos++;
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : throw Error("the text ends early");

        private void SkipSpace()
        {
            while (_pos < _text.Length && (_text[_pos] == ' ' || _text[_pos] == '\t' || _text[_pos] == '\n' || _text[_pos] == '\r'))
            {
                _pos++;
            }
        }

        private JsonError Error(string detail) => new($"{detail} at offset {_pos}", isDuplicateKey: false);

        private static string Describe(char c) => c < 0x20 || c > 0x7E ? $"U+{(int)c:X4}" : $"'{c}'";

        private static string Shorten(string s) => s.Length > 60 ? s.Substring(0, 60) + "…" : s;
    }
}
