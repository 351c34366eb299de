using System;
using System.Diagnostics;
using System.IO;

namespace KaimingTools.Tests.Formats
{
    /// <summary>
    /// Runs Python with NumPy, the real consumer of our .npy files. CI installs Debian's python3-numpy, which
    /// lives in /usr/bin/python3 (a pyenv or venv python3 earlier on PATH may lack it), so several
    /// interpreters are tried. Missing NumPy is a failure, not a skip: the check must run.
    /// </summary>
    internal static class PythonRunner
    {
        private static readonly Lazy<string?> Interpreter = new(Find);

        /// <summary>Runs a script with NumPy available and returns its standard output.</summary>
        public static string RunWithNumpy(string script, params string[] args) => Run(RequireNumpy(), script, args);

        /// <summary>Runs a script with any python3 (stdlib only) and returns its standard output.</summary>
        public static string RunStdlib(string script, params string[] args) => Run(Interpreter.Value ?? "python3", script, args);

        private static string RequireNumpy() =>
            Interpreter.Value ?? throw new Xunit.Sdk.XunitException(
                "Python 3 with NumPy is required for this test (it checks that numpy.load reads our .npy files) but none was found. " +
                "Install it with `apt-get install -y python3-numpy` (.ci/run does), or set KAIMINGTOOLS_PYTHON to an interpreter that has NumPy.");

        private static string? Find()
        {
            foreach (string? candidate in new[] { Environment.GetEnvironmentVariable("KAIMINGTOOLS_PYTHON"), "/usr/bin/python3", "python3" })
            {
                if (string.IsNullOrEmpty(candidate))
                {
                    continue;
                }

                try
                {
                    Run(candidate, "import numpy", Array.Empty<string>());
                    return candidate;
                }
                catch (Exception e) when (e is InvalidOperationException || e is System.ComponentModel.Win32Exception)
                {
                    // Try the next interpreter.
                }
            }

            return null;
        }

        private static string Run(string python, string script, string[] args)
        {
            var info = new ProcessStartInfo(python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(script);
            foreach (string arg in args)
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {python}.");
            var stderrTask = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            string stderr = stderrTask.Result;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{python} exited with {process.ExitCode}: {stderr}");
            }

            return stdout;
        }
    }
}
