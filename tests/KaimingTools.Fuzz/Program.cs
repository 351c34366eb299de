using System;
using System.IO;
using KaimingTools.Formats;
using SharpFuzz;

namespace KaimingTools.Fuzz
{
    /// <summary>
    /// Fuzz targets for the .npy and .safetensors parsers. A parser may refuse its input only with
    /// <see cref="TensorFileException"/> or <see cref="InitArgumentException"/> (too large for memory); any other
    /// exception, a crash or a hang is a finding.
    /// </summary>
    /// <remarks>
    /// <c>KaimingTools.Fuzz npy|safetensors</c> runs under AFL++ (see run.sh);
    /// <c>KaimingTools.Fuzz npy|safetensors --repro FILE…</c> parses files directly, to replay findings.
    /// </remarks>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 0 || (args[0] != "npy" && args[0] != "safetensors"))
            {
                Console.Error.WriteLine("usage: KaimingTools.Fuzz npy|safetensors [--repro FILE...]");
                return 2;
            }

            Action<Stream> target = args[0] == "npy" ? ParseNpy : ParseSafetensors;
            if (args.Length > 1 && args[1] == "--repro")
            {
                for (int i = 2; i < args.Length; i++)
                {
                    using var file = File.OpenRead(args[i]);
                    target(file);
                    Console.WriteLine($"{args[i]}: ok");
                }

                return 0;
            }

            Fuzzer.OutOfProcess.Run(target);
            return 0;
        }

        private static void ParseNpy(Stream input) => Guard(input, s => NpyFormat.Read(s));

        private static void ParseSafetensors(Stream input) => Guard(input, s => SafetensorsFormat.Read(s));

        private static void Guard(Stream input, Action<Stream> parse)
        {
            // The parsers take a seekable stream whose length is the file's, as a FileStream is.
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            copy.Position = 0;
            try
            {
                parse(copy);
            }
            catch (TensorFileException)
            {
            }
            catch (InitArgumentException)
            {
            }
        }
    }
}
