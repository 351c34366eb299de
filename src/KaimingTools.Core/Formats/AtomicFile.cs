using System;
using System.IO;
using System.Threading;

namespace KaimingTools.Formats
{
    /// <summary>
    /// Writes a file so that it is either complete or untouched: the content goes to a temporary file in the
    /// target folder (same volume, so the final rename is atomic), is flushed to disk, and only then renamed
    /// over the target. A failure or cancellation deletes the temporary file and leaves the previous state.
    /// </summary>
    public static class AtomicFile
    {
        private const int BufferSize = 1 << 20;

        /// <summary>
        /// Checks, without touching the disk, that <paramref name="path"/> can be written: its folder exists,
        /// it is not a folder itself, and it does not exist unless <paramref name="force"/>. Returns the full path.
        /// Front ends call this before <c>ShouldProcess</c>, so <c>-WhatIf</c> reports the same errors.
        /// </summary>
        /// <exception cref="InitArgumentException">An empty or invalid path (<c>InvalidPath</c>).</exception>
        /// <exception cref="TensorFileException"><c>DirectoryNotFound</c>, <c>PathIsDirectory</c>, <c>FileExists</c>.</exception>
        public static string CheckTarget(string path, bool force)
        {
            string full = FullPath(path);
            string? folder = Path.GetDirectoryName(full);
            if (folder is null || !Directory.Exists(folder))
            {
                throw new TensorFileException("DirectoryNotFound", TensorFileErrorKind.NotFound, full,
                    $"The folder '{folder}' does not exist; create it first.");
            }

            if (Directory.Exists(full))
            {
                throw new TensorFileException("PathIsDirectory", TensorFileErrorKind.InvalidData, full, "The path is a folder, not a file.");
            }

            if (!force && File.Exists(full))
            {
                throw new TensorFileException("FileExists", TensorFileErrorKind.AlreadyExists, full,
                    "The file exists; use -Force (force: true) to replace it.");
            }

            return full;
        }

        /// <summary>
        /// Writes <paramref name="path"/> atomically with the content <paramref name="write"/> produces.
        /// </summary>
        /// <param name="path">The target file.</param>
        /// <param name="force">Replace an existing file.</param>
        /// <param name="write">Writes the whole content to the (buffered) stream it is given.</param>
        /// <param name="cancellationToken">Checked before the rename; <paramref name="write"/> should check it too.</param>
        /// <exception cref="TensorFileException">The checks of <see cref="CheckTarget"/>; <c>AccessDenied</c>;
        /// <c>WriteFailed</c> (disk full, device error).</exception>
        /// <returns>The full path of the file written.</returns>
        /// <exception cref="OperationCanceledException">Cancelled; nothing was changed.</exception>
        public static string Write(string path, bool force, Action<Stream> write, CancellationToken cancellationToken = default)
        {
            if (write is null)
            {
                throw new ArgumentNullException(nameof(write));
            }

            string full = CheckTarget(path, force);
            string folder = Path.GetDirectoryName(full)!;

            // A leading dot hides the temporary file from casual listings; the random part avoids clashes
            // between concurrent writers of the same target.
            string temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
            bool renamed = false;
            try
            {
                using (var stream = OpenTemp(temp, full))
                {
                    write(stream);
                    cancellationToken.ThrowIfCancellationRequested();
                    stream.Flush(flushToDisk: true);
                }

                cancellationToken.ThrowIfCancellationRequested();
                Rename(temp, full, force);
                renamed = true;
                return full;
            }
            catch (IOException e) when (e is not TensorFileException)
            {
                throw new TensorFileException("WriteFailed", TensorFileErrorKind.WriteFailed, full, $"Writing failed: {e.Message}", e);
            }
            finally
            {
                if (!renamed)
                {
                    TryDelete(temp);
                }
            }
        }

        private static FileStream OpenTemp(string temp, string target)
        {
            try
            {
                return new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new TensorFileException("AccessDenied", TensorFileErrorKind.AccessDenied, target,
                    $"Cannot create a file in '{Path.GetDirectoryName(target)}': {e.Message}", e);
            }
            catch (DirectoryNotFoundException e)
            {
                throw new TensorFileException("DirectoryNotFound", TensorFileErrorKind.NotFound, target,
                    $"The folder '{Path.GetDirectoryName(target)}' does not exist; create it first.", e);
            }
        }

        private static void Rename(string temp, string target, bool force)
        {
            try
            {
                if (force)
                {
#if NET8_0_OR_GREATER
                    File.Move(temp, target, overwrite: true); // rename(2) / MoveFileEx(REPLACE_EXISTING): atomic
#else
                    if (File.Exists(target))
                    {
                        File.Replace(temp, target, destinationBackupFileName: null);
                    }
                    else
                    {
                        File.Move(temp, target);
                    }
#endif
                }
                else
                {
                    // Fails if the target appeared since CheckTarget: another writer won, and we must not clobber it.
                    File.Move(temp, target);
                }
            }
            catch (IOException e) when (!force && File.Exists(target))
            {
                throw new TensorFileException("FileExists", TensorFileErrorKind.AlreadyExists, target,
                    "The file was created by someone else while writing; use -Force (force: true) to replace it.", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new TensorFileException("AccessDenied", TensorFileErrorKind.AccessDenied, target, $"Cannot replace the file: {e.Message}", e);
            }
        }

        private static string FullPath(string path)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new InitArgumentException("InvalidPath", "Path", "The path is empty.");
            }

            try
            {
                return Path.GetFullPath(path);
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                throw new InitArgumentException("InvalidPath", "Path", $"'{path}' is not a valid path: {e.Message}");
            }
        }

        private static void TryDelete(string temp)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Best effort: the original error matters more than a leftover temporary file.
            }
            catch (UnauthorizedAccessException)
            {
                // Same.
            }
        }
    }
}
