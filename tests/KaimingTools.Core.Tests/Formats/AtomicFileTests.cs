using System;
using System.IO;
using System.Threading;
using KaimingTools.Formats;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Formats
{
    public class AtomicFileTests
    {
        private static readonly long[] BigShape = { 4, 1 << 20 }; // four chunks

        [Theory]
        [InlineData("w.npy")]
        [InlineData("w.safetensors")]
        [InlineData("w.csv")]
        public void Cancelling_mid_write_leaves_the_old_file_and_no_temporary_file(string file)
        {
            using var folder = new TempFolder();
            string path = folder.File(file);
            File.WriteAllText(path, "previous content");
            var before = folder.Snapshot();
            using var cts = new CancellationTokenSource();
            int reports = 0;
            var progress = new StreamingTests.Sync(_ =>
            {
                if (++reports == 2)
                {
                    cts.Cancel(); // after real bytes have gone to the temporary file
                }
            });
            Assert.ThrowsAny<OperationCanceledException>(() =>
                TensorFileWriter.WriteGenerated(path, Initializer.Kaiming(), file.EndsWith(".csv", StringComparison.Ordinal) ? new long[] { 40, 1000 } : BigShape,
                    seed: 3, force: true, cancellationToken: cts.Token, progress: progress));
            Assert.Equal(2, reports);
            Assert.Equal(before, folder.Snapshot());
        }

        [Fact]
        public void A_failing_writer_leaves_no_file_and_reports_WriteFailed()
        {
            using var folder = new TempFolder();
            string path = folder.File("w.npy");
            var e = Assert.Throws<TensorFileException>(() => AtomicFile.Write(path, force: false, stream =>
            {
                stream.Write(new byte[1000], 0, 1000);
                throw new IOException("disk full (simulated)");
            }));
            Assert.Equal("WriteFailed", e.ErrorId);
            Assert.Equal(TensorFileErrorKind.WriteFailed, e.Kind);
            Assert.Empty(folder.Snapshot());
        }

        [Fact]
        public void Any_exception_in_the_writer_removes_the_temporary_file_and_keeps_the_old_one()
        {
            using var folder = new TempFolder();
            string path = folder.File("w.npy");
            File.WriteAllText(path, "old");
            var before = folder.Snapshot();
            Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, force: true, stream =>
            {
                stream.Write(new byte[5000], 0, 5000);
                throw new InvalidOperationException("bug");
            }));
            Assert.Equal(before, folder.Snapshot());
        }

        [Fact]
        public void Force_replaces_and_its_absence_refuses()
        {
            using var folder = new TempFolder();
            string path = folder.File("w.npy");
            File.WriteAllText(path, "old");
            var t = new WeightTensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
            var e = Assert.Throws<TensorFileException>(() => TensorFileWriter.Export(path, new[] { t }));
            Assert.Equal((TensorFileErrorKind.AlreadyExists, "FileExists"), (e.Kind, e.ErrorId));
            Assert.Equal("old", File.ReadAllText(path));

            TensorFileWriter.Export(path, new[] { t }, force: true);
            Assert.Equal(new float[] { 1, 2, 3, 4 }, (float[])NpyFormat.Read(path).Data);
            Assert.Single(Directory.GetFiles(folder.Path));
        }
    }
}
