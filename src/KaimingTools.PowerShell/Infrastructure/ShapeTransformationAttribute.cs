using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace KaimingTools.PowerShell.Infrastructure
{
    /// <summary>
    /// Reads a shape from numbers (<c>-Shape 64,3,7,7</c>) or from text as a CSV cell holds it:
    /// <c>64,3,7,7</c>, <c>64x3x7x7</c>, <c>(64, 3, 7, 7)</c> or <c>[64 3 7 7]</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ShapeTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc/>
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            object? value = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (value is string text)
            {
                return Parse(text);
            }

            if (value is IEnumerable items)
            {
                var dims = new List<long>();
                foreach (object? item in items)
                {
                    object? inner = item is PSObject p ? p.BaseObject : item;
                    dims.Add(inner is string s ? ParseDimension(s, text: s) : LanguagePrimitives.ConvertTo<long>(inner));
                }

                return dims.ToArray();
            }

            return value;
        }

        private static long[] Parse(string text)
        {
            string[] parts = text.Trim().Trim('(', ')', '[', ']').Split(new[] { ',', 'x', 'X', '×', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries);
            var dims = new long[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                dims[i] = ParseDimension(parts[i], text);
            }

            return dims;
        }

        private static long ParseDimension(string part, string text)
        {
            if (long.TryParse(part.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long dim))
            {
                return dim;
            }

            throw new ArgumentTransformationMetadataException(
                $"Cannot read the shape '{text}': '{part}' is not a whole number. Write a shape as 64,3,7,7 or 64x3x7x7.");
        }
    }
}
