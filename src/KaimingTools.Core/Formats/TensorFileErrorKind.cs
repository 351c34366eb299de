namespace KaimingTools.Formats
{
    /// <summary>
    /// What kind of file problem a <see cref="TensorFileException"/> is, so a front end can choose its own
    /// category (PowerShell's <c>ErrorCategory</c>) without parsing messages.
    /// </summary>
    public enum TensorFileErrorKind
    {
        /// <summary>The file's content is malformed, hostile or of a kind we do not support.</summary>
        InvalidData,

        /// <summary>The target file exists and overwriting was not allowed.</summary>
        AlreadyExists,

        /// <summary>The file, its folder or a named tensor in it does not exist.</summary>
        NotFound,

        /// <summary>The operating system refused access.</summary>
        AccessDenied,

        /// <summary>Writing failed part-way (disk full, device error); nothing was left behind.</summary>
        WriteFailed,
    }
}
