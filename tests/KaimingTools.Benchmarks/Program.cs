using System;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace KaimingTools.Benchmarks
{
    /// <summary>
    /// <c>dotnet run -c Release -- [BenchmarkDotNet arguments]</c> runs the benchmarks;
    /// <c>dotnet run -c Release -- compare [runs]</c> prints the medians compare.sh tables;
    /// <c>dotnet run -c Release -- paths [runs] [kind]</c> compares the scalar and vector paths on one thread.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "compare")
            {
                Compare.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7);
                return;
            }

            if (args.Length > 0 && args[0] == "paths")
            {
                Paths.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5, args.Length > 2 ? args[2] : null);
                return;
            }

            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
    }
}
