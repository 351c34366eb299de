using System;
using System.Globalization;
using System.IO;
using System.Linq;
using KaimingTools.Distributions;
using KaimingTools.Formats;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Formats
{
    /// <summary>The real consumers read our files: numpy.load for .npy, an independent stdlib reader for .safetensors.</summary>
    public class ConsumerTests
    {
        [Theory]
        [InlineData(TensorElementType.Single, TensorFileDType.Float32, "float32")]
        [InlineData(TensorElementType.Double, TensorFileDType.Float64, "float64")]
        [InlineData(TensorElementType.Single, TensorFileDType.Float16, "float16")]
        public void Numpy_loads_our_npy_with_the_same_values(TensorElementType type, TensorFileDType dtype, string numpyType)
        {
            using var folder = new TempFolder();
            WeightTensor t = Initializer.Kaiming(DistributionKind.Normal).Generate(new long[] { 5, 3, 2 }, seed: 11, elementType: type);
            string path = folder.File("w.npy");
            TensorFileWriter.Export(path, new[] { t }, dtype: dtype);

            // repr() of a Python float is the shortest round-trip text, so values compare exactly.
            string output = PythonRunner.RunWithNumpy(
                "import sys, numpy as np\n" +
                "a = np.load(sys.argv[1], allow_pickle=False)\n" +
                "print(a.dtype, a.shape, a.flags['C_CONTIGUOUS'])\n" +
                "print(' '.join(repr(float(x)) for x in a.ravel()))\n",
                path);
            string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"{numpyType} (5, 3, 2) True", lines[0].Trim());
            double[] values = lines[1].Split(' ').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            double[] expected = t.ToDoubleArray().Select(v => dtype == TensorFileDType.Float16 ? (double)(float)(Half)v : v).ToArray();
            Assert.Equal(expected, values);
        }

        [Theory]
        [InlineData(TensorElementType.Single, "float32", "5, 3, 2")]
        [InlineData(TensorElementType.Double, "float64", "4, 1")]
        [InlineData(TensorElementType.Single, "float32", "3, 700")]
        public void Our_npy_bytes_equal_numpy_save_of_the_same_array(TensorElementType type, string numpyType, string shape)
        {
            using var folder = new TempFolder();
            long[] dims = shape.Split(", ").Select(long.Parse).ToArray();
            WeightTensor t = Initializer.Kaiming().Generate(dims, seed: 3, elementType: type);
            string ours = folder.File("ours.npy");
            string theirs = folder.File("theirs.npy");
            TensorFileWriter.Export(ours, new[] { t });
            PythonRunner.RunWithNumpy(
                "import sys, numpy as np\n" +
                $"a = np.load(sys.argv[1]).astype(np.{numpyType})\n" +
                "np.save(sys.argv[2], np.ascontiguousarray(a))\n",
                ours,
                theirs);
            Assert.Equal(File.ReadAllBytes(theirs), File.ReadAllBytes(ours));
        }

        [Theory]
        [InlineData("(1, 0)", "float32")]
        [InlineData("(3, 0)", "float64")]
        [InlineData("(2, 0)", "float16")]
        public void We_read_what_numpy_writes_in_every_format_version(string version, string numpyType)
        {
            using var folder = new TempFolder();
            string path = folder.File("np.npy");
            PythonRunner.RunWithNumpy(
                "import sys, numpy as np\n" +
                $"a = (np.arange(24, dtype=np.float64).reshape(2, 3, 4) / 7 - 1).astype(np.{numpyType})\n" +
                "with open(sys.argv[1], 'wb') as f:\n" +
                $"    np.lib.format.write_array(f, a, version={version})\n",
                path);
            WeightTensor t = NpyFormat.Read(path);
            Assert.Equal(new long[] { 2, 3, 4 }, t.Shape);
            double[] expected = Enumerable.Range(0, 24).Select(i => (i / 7.0) - 1).Select(v => numpyType switch
            {
                "float32" => (double)(float)v,
                "float16" => (double)(float)(Half)v,
                _ => v,
            }).ToArray();
            Assert.Equal(expected, t.ToDoubleArray());
        }

        [Fact]
        public void An_independent_stdlib_reader_parses_our_safetensors()
        {
            using var folder = new TempFolder();
            WeightTensor a = Initializer.Kaiming(DistributionKind.Uniform).Generate(new long[] { 3, 5 }, seed: 1);
            a.Name = "fc.weight";
            WeightTensor b = Initializer.LeCun().Generate(new long[] { 2, 2, 3 }, seed: 2, elementType: TensorElementType.Double);
            b.Name = "conv.weight";
            string path = folder.File("m.safetensors");
            TensorFileWriter.Export(path, new[] { a, b });

            // Written from the spec (8-byte LE length, JSON header, contiguous data), with json + struct only.
            const string Reader =
                "import sys, json, struct\n" +
                "data = open(sys.argv[1], 'rb').read()\n" +
                "(n,) = struct.unpack('<Q', data[:8])\n" +
                "assert n % 8 == 0, 'header not padded to 8'\n" +
                "header = json.loads(data[8:8 + n].decode('utf-8'))\n" +
                "buf = data[8 + n:]\n" +
                "meta = header.pop('__metadata__', {})\n" +
                "end = 0\n" +
                "for name, info in sorted(header.items(), key=lambda kv: kv[1]['data_offsets'][0]):\n" +
                "    b, e = info['data_offsets']\n" +
                "    assert b == end, 'not contiguous'\n" +
                "    end = e\n" +
                "    fmt = {'F32': 'f', 'F64': 'd'}[info['dtype']]\n" +
                "    count = 1\n" +
                "    for d in info['shape']: count *= d\n" +
                "    assert e - b == count * struct.calcsize(fmt)\n" +
                "    assert b % struct.calcsize(fmt) == 0, 'misaligned'\n" +
                "    values = struct.unpack('<%d%s' % (count, fmt), buf[b:e])\n" +
                "    print(name, info['dtype'], 'x'.join(map(str, info['shape'])), meta[name + '.scheme'], meta[name + '.seed'], ' '.join(repr(v) for v in values))\n" +
                "assert end == len(buf), 'trailing bytes'\n";
            string[] lines = PythonRunner.RunStdlib(Reader, path).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("conv.weight F64 2x2x3 LeCun 2 ", lines[0], StringComparison.Ordinal); // F64 first: larger elements lead
            Assert.StartsWith("fc.weight F32 3x5 Kaiming 1 ", lines[1], StringComparison.Ordinal);
            Assert.Equal(b.ToDoubleArray(), lines[0].Split(' ').Skip(5).Select(s => double.Parse(s, CultureInfo.InvariantCulture)));
            Assert.Equal(a.ToDoubleArray(), lines[1].Split(' ').Skip(5).Select(s => double.Parse(s, CultureInfo.InvariantCulture)));
        }
    }
}
