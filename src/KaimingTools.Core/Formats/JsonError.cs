using System;

namespace KaimingTools.Formats
{
    /// <summary>Invalid JSON found by <see cref="StrictJson"/>; the format reader turns it into a <see cref="TensorFileException"/>.</summary>
    internal sealed class JsonError : Exception
    {
        public JsonError(string message, bool isDuplicateKey)
            : base(message)
        {
            IsDuplicateKey = isDuplicateKey;
        }

        /// <summary>True when the JSON is well-formed except that an object repeats a key.</summary>
        public bool IsDuplicateKey { get; }
    }
}
