using System;

namespace KaimingTools
{
    /// <summary>
    /// An invalid argument to KaimingTools, with a stable <see cref="ErrorId"/> that front ends (the
    /// PowerShell module's <c>FullyQualifiedErrorId</c>) expose so scripts can depend on it.
    /// </summary>
    [Serializable]
    public class InitArgumentException : ArgumentException
    {
        /// <summary>Creates the exception.</summary>
        public InitArgumentException()
        {
            ErrorId = "InvalidArgument";
        }

        /// <summary>Creates the exception with a message.</summary>
        public InitArgumentException(string message)
            : base(message)
        {
            ErrorId = "InvalidArgument";
        }

        /// <summary>Creates the exception with a message and an inner exception.</summary>
        public InitArgumentException(string message, Exception innerException)
            : base(message, innerException)
        {
            ErrorId = "InvalidArgument";
        }

        /// <summary>Creates the exception for parameter <paramref name="paramName"/>.</summary>
        /// <param name="errorId">Stable identifier, e.g. <c>InvalidFanIn</c>.</param>
        /// <param name="paramName">The offending parameter, as the user named it.</param>
        /// <param name="message">What is wrong and what is allowed.</param>
        public InitArgumentException(string errorId, string paramName, string message)
            : base(message, paramName)
        {
            ErrorId = errorId;
        }

        /// <summary>Stable identifier of this kind of error.</summary>
        public string ErrorId { get; }

        /// <summary>True when the request is well-formed but too large (memory, element count).</summary>
        public bool IsLimitExceeded { get; init; }

        internal static void RequirePositiveFinite(double value, string errorId, string paramName)
        {
            if (!(value > 0) || double.IsInfinity(value))
            {
                throw new InitArgumentException(errorId, paramName,
                    $"{paramName} must be a positive, finite number; got {Format(value)}.");
            }
        }

        internal static string Format(double value) =>
            value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
    }
}
