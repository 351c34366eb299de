using System;
using System.IO;

namespace KaimingTools.Formats
{
    /// <summary>
    /// A problem with a tensor file (not with an argument): malformed or hostile content, a missing folder,
    /// an existing file that may not be replaced. <see cref="ErrorId"/> is stable, like
    /// <see cref="InitArgumentException.ErrorId"/>, so scripts can depend on it.
    /// </summary>
    [Serializable]
    public class TensorFileException : IOException
    {
        /// <summary>Creates the exception.</summary>
        public TensorFileException()
        {
            ErrorId = "TensorFileError";
        }

        /// <summary>Creates the exception with a message.</summary>
        public TensorFileException(string message)
            : base(message)
        {
            ErrorId = "TensorFileError";
        }

        /// <summary>Creates the exception with a message and an inner exception.</summary>
        public TensorFileException(string message, Exception innerException)
            : base(message, innerException)
        {
            ErrorId = "TensorFileError";
        }

        /// <summary>Creates the exception.</summary>
        /// <param name="errorId">Stable identifier, e.g. <c>NpyFortranOrder</c>.</param>
        /// <param name="kind">What kind of problem it is.</param>
        /// <param name="path">The file concerned, when known.</param>
        /// <param name="message">What is wrong.</param>
        /// <param name="innerException">The underlying error, if any.</param>
        public TensorFileException(string errorId, TensorFileErrorKind kind, string? path, string message, Exception? innerException = null)
            : base(path is null ? message : $"{path}: {message}", innerException)
        {
            ErrorId = errorId;
            Kind = kind;
            Path = path;
        }

        /// <summary>Stable identifier of this kind of error.</summary>
        public string ErrorId { get; }

        /// <summary>What kind of problem it is.</summary>
        public TensorFileErrorKind Kind { get; }

        /// <summary>The file concerned, when known.</summary>
        public string? Path { get; }

        /// <summary>A malformed-content error for <paramref name="path"/>.</summary>
        internal static TensorFileException Invalid(string errorId, string? path, string message) =>
            new(errorId, TensorFileErrorKind.InvalidData, path, message);
    }
}
