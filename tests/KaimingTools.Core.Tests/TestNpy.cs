using System;
using System.IO;
using KaimingTools.Formats;
using KaimingTools.Tensors;

namespace KaimingTools.Tests
{
    /// <summary>
    /// The PyTorch-made fixtures in tests/fixtures, read with the module's own .npy reader — the path a user's
    /// file takes (<c>Import-InitWeights</c>).
    /// </summary>
    internal static class TestNpy
    {
        public static WeightTensor Read(string name) => NpyFormat.Read(Path.Combine(FixturesDirectory(), name));

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
