using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CsCheck;
using KaimingTools.Formats;

namespace KaimingTools.Tests.Formats
{
    /// <summary>
    /// The fuzz seed corpus (tests/KaimingTools.Fuzz/corpus) as regression tests, plus a short in-process
    /// mutation run over it, so the parsers' contract — refuse only with a stable error id — is checked on
    /// every test run, not only when run.sh is. Crashing inputs that a fuzz run finds are added below.
    /// </summary>
    public class FuzzCorpusTests
    {
        private static readonly string Corpus = Path.Combine(RepoRoot(), "tests", "KaimingTools.Fuzz", "corpus");

        public static TheoryData<string, string> Expected => new()
        {
            { "npy/f4-2x3.npy", "ok (2, 3) Single" },
            { "npy/f8-3x1x2.npy", "ok (3, 1, 2) Double" },
            { "npy/f2-6.npy", "ok (6) Single" },
            { "npy/f4-v2.npy", "ok (2, 3) Single" },
            { "npy/f8-v3.npy", "ok (2, 3) Double" },
            { "npy/f4-scalar.npy", "ok () Single" },
            { "npy/f4-empty.npy", "ok (0, 4) Single" },
            { "npy/f4-bigendian.npy", "NpyBigEndian" },
            { "npy/f4-fortran.npy", "NpyFortranOrder" },
            { "safetensors/one-f32.safetensors", "ok w (2, 3) Single" },
            { "safetensors/two-mixed.safetensors", "ok b (3, 2) Double; a (6) Single; c (2) Single" },
            { "safetensors/provenance.safetensors", "ok w (2, 3) Single" },
            { "safetensors/empty.safetensors", "ok " },
            { "safetensors/zero-size.safetensors", "ok z (0, 3) Single; w (1) Single" },
        };

        [Theory]
        [MemberData(nameof(Expected))]
        public void Corpus_files_parse_as_expected(string file, string expected)
        {
            Assert.Equal(expected, Outcome(file.StartsWith("npy", StringComparison.Ordinal), File.ReadAllBytes(Path.Combine(Corpus, file))));
        }

        [Fact]
        public void Every_corpus_file_is_in_the_table()
        {
            string[] files = Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Corpus, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToArray();
            Assert.Equal(Expected.Select(row => (string)row[0]).OrderBy(f => f, StringComparer.Ordinal), files);
        }

        [Fact]
        public void Provenance_in_the_corpus_is_restored()
        {
            var t = Assert.Single(SafetensorsFormat.Read(Path.Combine(Corpus, "safetensors", "provenance.safetensors")));
            Assert.Equal((InitScheme.Kaiming, Nonlinearity.ReLU, 3.0, 42UL), (t.Init!.Scheme, t.Init.Nonlinearity!.Value, t.Init.FanIn, t.Seed!.Value));
            Assert.Equal(Math.Sqrt(2.0 / 3), t.Init.Std, 15);
        }

        [Fact]
        public void Mutated_corpus_files_are_refused_only_with_error_ids()
        {
            var seeds = Directory.EnumerateFiles(Corpus, "*", SearchOption.AllDirectories)
                .Select(f => (Npy: f.EndsWith(".npy", StringComparison.Ordinal), Bytes: File.ReadAllBytes(f))).ToArray();
            var mutation = Gen.Select(Gen.Int[0, seeds.Length - 1], Gen.Int[0, 4095].Array[1, 4], Gen.Byte.Array[4], Gen.Int[0, 3]);
            mutation.Sample((seed, positions, values, kind) =>
            {
                var (npy, original) = seeds[seed];
                byte[] bytes = kind switch
                {
                    0 => original.Take(positions[0] % (original.Length + 1)).ToArray(), // truncate
                    1 => original.Concat(values).ToArray(), // append
                    _ => (byte[])original.Clone(), // overwrite below
                };
                if (kind >= 2)
                {
                    for (int i = 0; i < positions.Length; i++)
                    {
                        bytes[positions[i] % bytes.Length] = values[i];
                    }
                }

                Outcome(npy, bytes); // throws only if the parser fails with something other than an error id
            }, iter: 20_000);
        }

        /// <summary>"ok" and what was read, or the error id; any other exception propagates (a finding).</summary>
        private static string Outcome(bool npy, byte[] bytes)
        {
            try
            {
                IReadOnlyList<KaimingTools.Tensors.WeightTensor> tensors = npy
                    ? new[] { NpyFormat.Read(new MemoryStream(bytes)) }
                    : SafetensorsFormat.Read(new MemoryStream(bytes));
                return "ok " + string.Join("; ", tensors.Select(t => $"{(t.Name is null ? string.Empty : t.Name + " ")}{Fans.FormatShape(t.Shape)} {t.ElementType}"));
            }
            catch (TensorFileException e)
            {
                return e.ErrorId;
            }
            catch (InitArgumentException e)
            {
                return e.ErrorId;
            }
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "KaimingTools.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("KaimingTools.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
