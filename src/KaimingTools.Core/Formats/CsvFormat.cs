using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using KaimingTools.Tensors;

namespace KaimingTools.Formats
{
    /// <summary>
    /// Comma-separated numbers for spreadsheets: one row per output unit, no header, invariant culture,
    /// CRLF line ends (RFC 4180), every number in the shortest text that parses back to the same bits.
    /// </summary>
    /// <remarks>
    /// Rows: Torch layout <c>(out, in, k…)</c> → <c>shape[0]</c> rows of <c>in·∏k</c> (as <c>w.reshape(out, -1)</c>);
    /// Keras <c>(k…, in, out)</c> → <c>shape[-1]</c> rows, the transpose of <c>w.reshape(-1, out)</c>;
    /// TorchTranspose <c>(in, out/groups, k…)</c> → <c>shape[0]</c> rows, one per <em>input</em> channel, as
    /// PyTorch stores it. Tensors of fewer than 2 dimensions are written one value per row.
    /// </remarks>
    public static class CsvFormat
    {
        /// <summary>Writes a tensor to a CSV file atomically.</summary>
        /// <exception cref="TensorFileException">As for <see cref="TensorFileWriter.Export"/>.</exception>
        public static void Write(string path, WeightTensor tensor, bool force = false, CancellationToken cancellationToken = default, IProgress<long>? progress = null)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(nameof(tensor));
            }

            TensorFileWriter.Export(path, new[] { tensor }, TensorFileFormat.Csv, null, force, cancellationToken, progress);
        }

        /// <summary>Writes a tensor as CSV text (UTF-8) to a stream.</summary>
        public static void Write(Stream stream, WeightTensor tensor)
        {
            if (tensor is null)
            {
                throw new ArgumentNullException(nameof(tensor));
            }

            Write(stream, tensor.Shape, tensor.Layout, ElementSource.Of(tensor), default, null);
        }

        /// <summary>The one CSV writer, for tensors in memory and streamed alike.</summary>
        internal static void Write(Stream stream, IReadOnlyList<long> shape, TensorLayout layout, ElementSource source, CancellationToken cancellationToken, IProgress<long>? progress)
        {
            long rows = shape.Count < 2 ? source.Count : (layout == TensorLayout.Keras ? shape[shape.Count - 1] : shape[0]);
            long columns = rows == 0 ? 0 : source.Count / rows;
            bool transposed = layout == TensorLayout.Keras && shape.Count >= 2;
            const int Chunk = 1 << 16;
            var singles = source.ElementType == TensorElementType.Single ? new float[(int)Math.Min(Chunk, Math.Max(1, columns))] : null;
            var doubles = singles is null ? new double[(int)Math.Min(Chunk, Math.Max(1, columns))] : null;
            int capacity = singles?.Length ?? doubles!.Length;
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
            long done = 0;
            for (long r = 0; r < rows; r++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (long c0 = 0; c0 < columns; c0 += capacity)
                {
                    int n = (int)Math.Min(capacity, columns - c0);
                    if (transposed)
                    {
                        // Keras rows are strided: element (r, c) is at c·rows + r, fetched one by one.
                        for (int j = 0; j < n; j++)
                        {
                            Fill(source, singles, doubles, j, 1, ((c0 + j) * rows) + r);
                        }
                    }
                    else
                    {
                        Fill(source, singles, doubles, 0, n, (r * columns) + c0);
                    }

                    for (int j = 0; j < n; j++)
                    {
                        if (c0 + j > 0)
                        {
                            writer.Write(',');
                        }

                        writer.Write(singles is not null ? Format(singles[j]) : Format(doubles![j]));
                    }

                    done += n;
                }

                writer.WriteLine();
                progress?.Report(done);
            }
        }

        private static void Fill(ElementSource source, float[]? singles, double[]? doubles, int start, int length, long first)
        {
            if (singles is not null)
            {
                source.Fill(singles.AsSpan(start, length), first);
            }
            else
            {
                source.Fill(doubles.AsSpan(start, length), first);
            }
        }

        /// <summary>Shortest round-trip text ("R"); "G9" where a runtime's "R" would not parse back exactly (old .NET Framework).</summary>
        internal static string Format(float value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float back) && (back.Equals(value))
                ? text
                : value.ToString("G9", CultureInfo.InvariantCulture);
        }

        /// <summary>Shortest round-trip text ("R"); "G17" where a runtime's "R" would not parse back exactly.</summary>
        internal static string Format(double value)
        {
            string text = value.ToString("R", CultureInfo.InvariantCulture);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double back) && (back.Equals(value))
                ? text
                : value.ToString("G17", CultureInfo.InvariantCulture);
        }
    }
}
