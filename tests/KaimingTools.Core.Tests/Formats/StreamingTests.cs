using System;
using System.IO;
using System.Linq;
using System.Threading;
using KaimingTools.Distributions;
using KaimingTools.Formats;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Formats
{
    public class StreamingTests
    {
        /// <summary>Shapes below, at and across the 2^20-element chunk, with odd sizes that split Philox blocks.</summary>
        public static TheoryData<string, TensorElementType, TensorFileDType?, DistributionKind, string> Cases => new()
        {
            { "w.npy", TensorElementType.Single, null, DistributionKind.Normal, "3, 5" },
            { "w.npy", TensorElementType.Double, null, DistributionKind.Uniform, "1025, 1025" },
            { "w.npy", TensorElementType.Single, TensorFileDType.Float16, DistributionKind.TruncatedNormal, "2, 524289" },
            { "w.safetensors", TensorElementType.Single, null, DistributionKind.Normal, "1024, 1025" },
            { "w.safetensors", TensorElementType.Double, TensorFileDType.Float32, DistributionKind.Normal, "7, 3, 3" },
            { "w.safetensors", TensorElementType.Single, TensorFileDType.BFloat16, DistributionKind.Uniform, "3, 3, 3, 3" },
            { "w.csv", TensorElementType.Single, null, DistributionKind.Normal, "4, 3, 3" },
            { "w.csv", TensorElementType.Double, null, DistributionKind.Uniform, "9, 11" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Streamed_file_equals_generating_in_memory_then_exporting(string file, TensorElementType type, TensorFileDType? dtype, DistributionKind kind, string shapeText)
        {
            using var folder = new TempFolder();
            long[] shape = shapeText.Split(", ").Select(long.Parse).ToArray();
            TensorLayout layout = file.EndsWith(".csv", StringComparison.Ordinal) && shape.Length == 2 ? TensorLayout.Keras : TensorLayout.Torch;
            Initializer init = Initializer.Kaiming(kind, FanMode.FanOut, Nonlinearity.LeakyReLU, 0.1);
            string streamed = folder.File("s-" + file);
            string exported = folder.File("e-" + file);

            long reported = 0;
            TensorFileSummary summary = TensorFileWriter.WriteGenerated(streamed, init, shape, layout, seed: 12345, elementType: type, name: "w", dtype: dtype, progress: new Sync(n => reported = n));

            WeightTensor t = init.Generate(shape, layout, seed: 12345, elementType: type);
            t.Name = "w";
            TensorFileWriter.Export(exported, new[] { t }, dtype: dtype);

            Assert.Equal(File.ReadAllBytes(exported), File.ReadAllBytes(streamed));
            Assert.Equal(t.Count, reported);
            Assert.Equal(12345UL, summary.Seed);
            Assert.Equal(new FileInfo(streamed).Length, summary.Length);
            Assert.Equal(t.Init!.Std, summary.Init.Std);
        }

        [Fact]
        public void Streaming_beyond_one_array_is_accepted_up_front()
        {
            // More elements than a .NET array holds: refused in memory, accepted for streaming (cancelled at once here).
            long[] shape = { 1L << 16, 1L << 16 };
            Assert.Throws<InitArgumentException>(() => Initializer.Kaiming().Generate(shape, seed: 1));
            using var folder = new TempFolder();
            using var cts = new CancellationTokenSource();
            cts.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() =>
                TensorFileWriter.WriteGenerated(folder.File("big.npy"), Initializer.Kaiming(), shape, seed: 1, cancellationToken: cts.Token));
            Assert.Empty(folder.Snapshot());
        }

        /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
        internal sealed class Sync : IProgress<long>
        {
            private readonly Action<long> _report;

            public Sync(Action<long> report)
            {
                _report = report;
            }

            public void Report(long value) => _report(value);
        }
    }
}
