using System.Collections.Generic;
using System.Globalization;

namespace KaimingTools.Formats
{
    /// <summary>A parsed JSON value (see <see cref="StrictJson"/>).</summary>
    internal abstract class JsonNode
    {
        /// <summary>A JSON object, members in file order (keys are unique).</summary>
        internal sealed class Object : JsonNode
        {
            private readonly Dictionary<string, JsonNode> _byKey = new(System.StringComparer.Ordinal);

            public Object(List<KeyValuePair<string, JsonNode>> members)
            {
                Members = members;
                foreach (var member in members)
                {
                    _byKey.Add(member.Key, member.Value);
                }
            }

            public IReadOnlyList<KeyValuePair<string, JsonNode>> Members { get; }

            public JsonNode? this[string key] => _byKey.TryGetValue(key, out JsonNode? value) ? value : null;
        }

        /// <summary>A JSON array.</summary>
        internal sealed class Array : JsonNode
        {
            public Array(List<JsonNode> items)
            {
                Items = items;
            }

            public IReadOnlyList<JsonNode> Items { get; }
        }

        /// <summary>A JSON string.</summary>
        internal sealed class String : JsonNode
        {
            public String(string value)
            {
                Value = value;
            }

            public string Value { get; }
        }

        /// <summary>A JSON number, kept as its text so integers are exact.</summary>
        internal sealed class Number : JsonNode
        {
            public Number(string text)
            {
                Text = text;
            }

            public string Text { get; }

            /// <summary>The value if it is a non-negative integer that fits in a long (no fraction, no exponent).</summary>
            public bool TryGetNonNegativeInt64(out long value) =>
                long.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        /// <summary>true, false or null.</summary>
        internal sealed class Literal : JsonNode
        {
            private Literal()
            {
            }

            public static Literal True { get; } = new();

            public static Literal False { get; } = new();

            public static Literal Null { get; } = new();
        }
    }
}
