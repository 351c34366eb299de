using System;
using System.Diagnostics;
using System.Management.Automation;

namespace KaimingTools.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns the core's element counts into <c>Write-Progress</c> records — only once the work has
    /// run for half a second, so quick calls stay silent — and always ends what it started with a
    /// <c>Completed</c> record. Called on the pipeline thread, as WriteProgress requires.
    /// </summary>
    internal sealed class ProgressReporter : IProgress<long>, IDisposable
    {
        private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);
        private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
        private readonly Cmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly long _total;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last;
        private bool _shown;

        internal ProgressReporter(Cmdlet cmdlet, string activity, long total)
        {
            _cmdlet = cmdlet;
            _total = Math.Max(total, 1);
            _record = new ProgressRecord(0x4B41, activity, "Starting");
        }

        public void Report(long value)
        {
            TimeSpan now = _clock.Elapsed;
            if ((!_shown && now < QuietPeriod) || (_shown && now - _last < Interval && value < _total))
            {
                return;
            }

            _shown = true;
            _last = now;
            int percent = (int)Math.Min(100, value * 100 / _total);
            _record.PercentComplete = percent;
            _record.StatusDescription = $"{value:N0} of {_total:N0} elements";
            _cmdlet.WriteProgress(_record);
        }

        public void Dispose()
        {
            if (_shown)
            {
                _record.RecordType = ProgressRecordType.Completed;
                _record.PercentComplete = 100;
                _cmdlet.WriteProgress(_record);
            }
        }
    }
}
