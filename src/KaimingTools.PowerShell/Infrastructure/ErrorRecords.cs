using System;
using System.Management.Automation;
using KaimingTools.Formats;

namespace KaimingTools.PowerShell.Infrastructure
{
    /// <summary>One mapping from core exceptions to PowerShell error records, shared by every cmdlet.</summary>
    internal static class ErrorRecords
    {
        /// <summary>An error record whose id is the exception's stable <see cref="InitArgumentException.ErrorId"/>.</summary>
        internal static ErrorRecord From(InitArgumentException exception, object? target) =>
            new(exception, exception.ErrorId,
                exception.IsLimitExceeded ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidArgument, target);

        /// <summary>An error record for a file that could not be read or written, by its stable id and kind.</summary>
        internal static ErrorRecord From(TensorFileException exception, object? target) =>
            new(exception, exception.ErrorId, exception.Kind switch
            {
                TensorFileErrorKind.InvalidData => ErrorCategory.InvalidData,
                TensorFileErrorKind.AlreadyExists => ErrorCategory.ResourceExists,
                TensorFileErrorKind.NotFound => ErrorCategory.ObjectNotFound,
                TensorFileErrorKind.AccessDenied => ErrorCategory.PermissionDenied,
                _ => ErrorCategory.WriteError,
            }, exception.Path ?? target);

        /// <summary>An invalid-argument record with an id and message of the cmdlet's own.</summary>
        internal static ErrorRecord InvalidArgument(string errorId, string parameterName, string message, object? target) =>
            new(new ArgumentException(message, parameterName), errorId, ErrorCategory.InvalidArgument, target);
    }
}
