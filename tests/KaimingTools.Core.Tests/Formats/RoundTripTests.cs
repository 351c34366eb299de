using System;
using System.IO;
using System.Linq;
using CsCheck;
using KaimingTools.Distributions;
using KaimingTools.Formats;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Formats
{
    public class RoundTripTests
    {
        private static readonly Gen<long[]> Shapes = Gen.Int[1, 6].Array[2, 4].Select(a => a.Select(d => (long)d).ToArray());

        private static readonly Gen<(long[] Shape, ulong Seed, DistributionKind Kind, TensorElementType Type, TensorFileDType DType)> Cases =
            Gen.Select(Shapes, Gen.ULong, Gen.Enum<DistributionKind>(), Gen.Enum<TensorElementType>(), Gen.Enum<TensorFileDType>());

        private static WeightTensor Make(long[] shape, ulong seed, DistributionKind kind, TensorElementType type) =>
            Initializer.Kaiming(kind).Generate(shape, seed: seed, elementType: type);

        /// <summary>What a tensor's values become when stored as dtype (exact for Float32/Float64 of the same width).</summary>
        private static double[] Stored(WeightTensor t, TensorFileDType dtype) => t.ToDoubleArray().Select(v => dtype switch
        {
            TensorFileDType.Float64 => v,
            TensorFileDType.Float32 => (double)(float)v,
            TensorFileDType.Float16 => (double)(float)(Half)v,
            _ => (double)NarrowFloat.FromBFloat16(NarrowFloat.ToBFloat16(v)),
        }).ToArray();

        [Fact]
        public void Npy_round_trips_exactly_for_random_shapes_types_and_seeds()
        {
            Cases.Where(c => c.DType != TensorFileDType.BFloat16).Sample(c =>
            {
                WeightTensor t = Make(c.Shape, c.Seed, c.Kind, c.Type);
                using var stream = new MemoryStream();
                NpyFormat.Write(stream, t, c.DType);
                stream.Position = 0;
                WeightTensor back = NpyFormat.Read(stream);
                Assert.Equal(c.Shape, back.Shape);
                Assert.Equal(c.DType == TensorFileDType.Float64 ? TensorElementType.Double : TensorElementType.Single, back.ElementType);
                Assert.Equal(Stored(t, c.DType), back.ToDoubleArray());
            }, iter: 200);
        }

        [Fact]
        public void Safetensors_round_trips_values_and_provenance_for_random_tensors()
        {
            Gen.Select(Cases, Cases).Sample((a, b) =>
            {
                WeightTensor first = Make(a.Shape, a.Seed, a.Kind, a.Type);
                first.Name = "layer1.weight";
                WeightTensor second = Initializer.Xavier(b.Kind, Nonlinearity.LeakyReLU, negativeSlope: 0.2).Generate(b.Shape, TensorLayout.Keras, seed: b.Seed, elementType: b.Type);
                second.Name = "a";
                using var stream = new MemoryStream();
                SafetensorsFormat.Write(stream, new[] { first, second }, a.DType);
                stream.Position = 0;
                var back = SafetensorsFormat.Read(stream).ToDictionary(t => t.Name!);
                foreach (WeightTensor original in new[] { first, second })
                {
                    WeightTensor read = back[original.Name!];
                    Assert.Equal(original.Shape, read.Shape);
                    Assert.Equal(Stored(original, a.DType), read.ToDoubleArray());
                    Assert.Equal(original.Seed, read.Seed);
                    Assert.Equal(original.StreamVersion, read.StreamVersion);
                    Assert.Equal(original.Layout, read.Layout);
                    Assert.Equal(original.Groups, read.Groups);
                    InitBounds o = original.Init!, r = read.Init!;
                    Assert.Equal((o.Scheme, o.Distribution, o.Mode, o.Nonlinearity, o.NegativeSlope), (r.Scheme, r.Distribution, r.Mode, r.Nonlinearity, r.NegativeSlope));
                    Assert.Equal((o.FanIn, o.FanOut, o.Fan, o.Gain, o.Std, o.Bound, o.Variance, o.Lower, o.Upper), (r.FanIn, r.FanOut, r.Fan, r.Gain, r.Std, r.Bound, r.Variance, r.Lower, r.Upper));
                }
            }, iter: 100);
        }

        [Fact]
        public void Export_then_import_through_files_keeps_everything()
        {
            using var folder = new TempFolder();
            WeightTensor t = Initializer.VarianceScaling(2.0, FanMode.FanOut).Generate(new long[] { 3, 2, 3, 3 }, groups: 1, seed: 7);
            t.Name = "conv";
            string st = folder.File("w.safetensors");
            TensorFileWriter.Export(st, new[] { t });
            WeightTensor back = Assert.Single(TensorFileReader.Read(st, new[] { "conv" }));
            Assert.Equal((float[])t.Data, (float[])back.Data);
            Assert.Equal(InitScheme.VarianceScaling, back.Init!.Scheme);
            Assert.Null(back.Init.Nonlinearity);

            string npy = folder.File("w.npy");
            TensorFileWriter.Export(npy, new[] { t });
            WeightTensor fromNpy = Assert.Single(TensorFileReader.Read(npy));
            Assert.Equal("w", fromNpy.Name);
            Assert.Equal((float[])t.Data, (float[])fromNpy.Data);
            Assert.Null(fromNpy.Init);
        }

        [Fact]
        public void Npy_header_is_laid_out_as_numpy_writes_it()
        {
            var t = new WeightTensor(new float[6], new long[] { 2, 3 });
            using var stream = new MemoryStream();
            NpyFormat.Write(stream, t);
            byte[] bytes = stream.ToArray();
            Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 }, bytes[..10]);
            string header = System.Text.Encoding.ASCII.GetString(bytes, 10, 118);
            Assert.Equal("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }" + new string(' ', 58) + "\n", header);
            Assert.Equal(128 + 24, bytes.Length);
        }

        [Fact]
        public void Npy_versions_2_and_3_and_one_dimensional_shapes_are_read()
        {
            foreach (byte major in new byte[] { 2, 3 })
            {
                string dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
                int total = (12 + dict.Length + 1 + 63) / 64 * 64;
                var bytes = new byte[total + 16];
                new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 }.CopyTo(bytes, 0);
                BitConverter.GetBytes((uint)(total - 12)).CopyTo(bytes, 8);
                System.Text.Encoding.ASCII.GetBytes(dict.PadRight(total - 12 - 1) + "\n").CopyTo(bytes, 12);
                BitConverter.GetBytes(1.5).CopyTo(bytes, total);
                BitConverter.GetBytes(-2.25).CopyTo(bytes, total + 8);
                WeightTensor t = NpyFormat.Read(new MemoryStream(bytes));
                Assert.Equal(new long[] { 2 }, t.Shape);
                Assert.Equal(new[] { 1.5, -2.25 }, (double[])t.Data);
            }
        }

        [Fact]
        public void Bfloat16_rounds_to_nearest_even_like_the_reference_bit_trick()
        {
            Gen.UInt.Sample(bits =>
            {
                float f = BitConverter.UInt32BitsToSingle(bits);
                if (float.IsNaN(f))
                {
                    return;
                }

                // The usual float → bf16 conversion (PyTorch, TensorFlow): add 0x7FFF plus the lowest kept bit, truncate.
                ushort expected = (ushort)((bits + 0x7FFFu + ((bits >> 16) & 1)) >> 16);
                Assert.Equal(expected, NarrowFloat.ToBFloat16(f));
                Assert.Equal(BitConverter.UInt32BitsToSingle((uint)expected << 16), NarrowFloat.FromBFloat16(expected));
            }, iter: 100_000);
        }

        [Fact]
        public void Float16_matches_System_Half_on_every_value_and_on_random_floats()
        {
            for (int bits = 0; bits < 65536; bits++)
            {
                Half h = BitConverter.UInt16BitsToHalf((ushort)bits);
                float expected = (float)h;
                float actual = NarrowFloat.FromHalf((ushort)bits);
                Assert.True(expected.Equals(actual), $"0x{bits:x4}: {expected} vs {actual}");
                if (!Half.IsNaN(h))
                {
                    Assert.Equal((ushort)bits, NarrowFloat.ToHalf(expected));
                }
            }

            Gen.UInt.Sample(bits =>
            {
                float f = BitConverter.UInt32BitsToSingle(bits);
                if (!float.IsNaN(f))
                {
                    Assert.Equal(BitConverter.HalfToUInt16Bits((Half)f), NarrowFloat.ToHalf(f));
                }
            }, iter: 100_000);
        }

        [Fact]
        public void Csv_writes_one_row_per_output_unit_with_round_trip_numbers()
        {
            var torch = new WeightTensor(new[] { 0.1f, -2f, 3.5e-8f, 1f / 3, 5f, -0f }, new long[] { 2, 3 });
            using var a = new MemoryStream();
            CsvFormat.Write(a, torch);
            Assert.Equal("0.1,-2,3.5E-08\r\n0.33333334,5,-0\r\n", System.Text.Encoding.UTF8.GetString(a.ToArray()));

            // Keras (in=3, out=2): row o lists w[i, o] for every input i.
            var keras = new WeightTensor(new[] { 1.0, 2.0, 3.0, 4.0, 5.0, 6.0 }, new long[] { 3, 2 }, TensorLayout.Keras);
            using var b = new MemoryStream();
            CsvFormat.Write(b, keras);
            Assert.Equal("1,3,5\r\n2,4,6\r\n", System.Text.Encoding.UTF8.GetString(b.ToArray()));
        }
    }
}
