using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace KaimingTools.Tests
{
    /// <summary>
    /// A test-only reader for the PyTorch-made fixtures in tests/fixtures: NumPy format 1.0, '&lt;f4', C order,
    /// nothing else (the module's real file I/O lives elsewhere).
    /// </summary>
    internal static class TestNpy
    {
        public static (float[] Data, long[] Shape) Read(string name)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(FixturesDirectory(), name));
            Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes.Take(8).ToArray());
            int headerLength = bytes[8] | (bytes[9] << 8);
            string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
            Assert.Contains("'descr': '<f4'", header, StringComparison.Ordinal);
            Assert.Contains("'fortran_order': False", header, StringComparison.Ordinal);
            long[] shape = Regex.Match(header, @"'shape': \(([^)]*)\)").Groups[1].Value
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(long.Parse).ToArray();
            int offset = 10 + headerLength;
            var data = new float[(bytes.Length - offset) / 4];
            Buffer.BlockCopy(bytes, offset, data, 0, data.Length * 4);
            Assert.Equal(shape.Aggregate(1L, (a, b) => a * b), data.LongLength);
            return (data, shape);
        }

        private static string FixturesDirectory()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "tests", "fixtures");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new DirectoryNotFoundException("tests/fixtures not found above " + AppContext.BaseDirectory);
        }
    }
}
