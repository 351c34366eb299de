using System;
using System.Management.Automation;
using System.Threading;
using KaimingTools.Formats;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// The root of the module's cmdlets: one place that turns the core's exceptions into error records,
    /// and one cancellation token that Ctrl+C (<see cref="StopProcessing"/>) cancels.
    /// </summary>
    public abstract class KaimingCmdletBase : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        /// <summary>Cancelled when the user presses Ctrl+C.</summary>
        protected CancellationToken StopToken => _stop.Token;

        /// <summary>
        /// Runs <paramref name="body"/> and turns the core's errors into error records with their stable ids:
        /// terminating for arguments given on the command line, non-terminating for a pipeline row, so one bad
        /// row of a layer table is reported (and -ErrorAction applies) while the other rows are processed.
        /// Cancellation becomes the pipeline stop PowerShell expects.
        /// </summary>
        /// <param name="body">The work.</param>
        /// <param name="target">The object the error is about.</param>
        /// <param name="perInputRecord">False for work done once for all input (e.g. one file for every piped
        /// tensor), whose errors always terminate.</param>
        protected void Run(Action body, object? target, bool perInputRecord = true)
        {
            ErrorRecord record;
            try
            {
                body();
                return;
            }
            catch (InitArgumentException ex)
            {
                record = ErrorRecords.From(ex, target);
            }
            catch (TensorFileException ex)
            {
                record = ErrorRecords.From(ex, target);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }

            if (perInputRecord && MyInvocation.ExpectingInput)
            {
                WriteError(record);
            }
            else
            {
                ThrowTerminatingError(record);
            }
        }

        /// <summary>A path as the file system sees it, relative to PowerShell's current location (not the process's).</summary>
        protected string ResolvePath(string path) => GetUnresolvedProviderPathFromPSPath(path);

        /// <inheritdoc/>
        protected override void StopProcessing() => _stop.Cancel();

        /// <inheritdoc/>
        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
