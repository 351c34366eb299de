using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using KaimingTools.Distributions;
using KaimingTools.Formats;
using KaimingTools.Tensors;
using static KaimingTools.Tests.Formats.HostileFiles;

namespace KaimingTools.Tests.Formats
{
    /// <summary>
    /// The bad-input table: each case gets its stable error id, before any file is created or changed
    /// (the folder's files and bytes are compared before and after).
    /// </summary>
    public class BadInputTests
    {
        private sealed record Case(string ExpectedId, Action<TempFolder> Arrange, Action<TempFolder> Act);

        private static WeightTensor Small(string? name = null) =>
            new(new float[6], new long[] { 2, 3 }) { Name = name };

        private static Action<TempFolder> Put(string name, byte[] bytes) => f => File.WriteAllBytes(f.File(name), bytes);

        private static Action<TempFolder> Import(string name, params string[] names) => f => TensorFileReader.Read(f.File(name), names);

        private static Action<TempFolder> Generate(long[] shape, string file = "out.npy", Initializer? init = null) =>
            f => TensorFileWriter.WriteGenerated(f.File(file), init ?? Initializer.Kaiming(), shape, seed: 1);

        private static readonly Action<TempFolder> Nothing = _ => { };

        private static string St(params string[] entries) => "{" + string.Join(",", entries) + "}";

        private static readonly Dictionary<string, Case> Cases = new()
        {
            // Numbers (the generating cmdlets' parameters).
            ["fan_in zero"] = new("InvalidFanIn", Nothing, _ => new Fans(0, 3)),
            ["fan_in negative"] = new("InvalidFanIn", Nothing, _ => new Fans(-4, 3)),
            ["fan_in NaN"] = new("InvalidFanIn", Nothing, _ => new Fans(double.NaN, 3)),
            ["fan_out infinite"] = new("InvalidFanOut", Nothing, _ => new Fans(3, double.PositiveInfinity)),
            ["gain zero"] = new("InvalidGain", Nothing, _ => Initializer.Kaiming(gain: 0)),
            ["gain NaN"] = new("InvalidGain", Nothing, _ => Initializer.Kaiming(gain: double.NaN)),
            ["gain negative infinity"] = new("InvalidGain", Nothing, _ => Initializer.Xavier(gain: double.NegativeInfinity)),
            ["slope negative"] = new("InvalidNegativeSlope", Nothing, _ => Initializer.Kaiming(nonlinearity: Nonlinearity.LeakyReLU, negativeSlope: -0.1)),
            ["slope NaN"] = new("InvalidNegativeSlope", Nothing, _ => Initializer.Kaiming(negativeSlope: double.NaN)),
            ["scale zero"] = new("InvalidScale", Nothing, _ => Initializer.VarianceScaling(0)),
            ["scale infinite"] = new("InvalidScale", Nothing, _ => Initializer.VarianceScaling(double.PositiveInfinity)),

            // Shapes, before anything is written.
            ["1-D shape"] = new("ShapeTooFewDimensions", Nothing, Generate(new long[] { 10 })),
            ["0-D shape"] = new("ShapeTooFewDimensions", Nothing, Generate(Array.Empty<long>())),
            ["zero dimension"] = new("InvalidShapeDimension", Nothing, Generate(new long[] { 3, 0 })),
            ["negative dimension"] = new("InvalidShapeDimension", Nothing, Generate(new long[] { 3, -2 }, "out.safetensors")),
            ["element count overflows long"] = new("ShapeTooLarge", Nothing, Generate(new long[] { 1L << 40, 1L << 40 })),
            ["too large for memory"] = new("TensorTooLarge", Nothing, _ => Initializer.Kaiming().Generate(new long[] { 1L << 31, 2 }, seed: 1)),
            ["bad groups"] = new("InvalidGroups", Nothing, f => TensorFileWriter.WriteGenerated(f.File("g.npy"), Initializer.Kaiming(), new long[] { 6, 2, 3 }, groups: 4, seed: 1)),

            // Names.
            ["unknown nonlinearity"] = new("UnknownNonlinearity", Nothing, _ => Names.ParseNonlinearity("hardswish")),
            ["unknown layout"] = new("UnknownLayout", Nothing, _ => Names.ParseLayout("nchw4")),
            ["unknown format name"] = new("UnknownFormat", Nothing, _ => TensorFileFormats.Parse("hdf5")),
            ["unknown extension"] = new("UnknownFormat", Nothing, Generate(new long[] { 2, 3 }, "weights.bin")),

            // Targets.
            ["missing folder"] = new("DirectoryNotFound", Nothing, f => TensorFileWriter.Export(Path.Combine(f.Path, "no", "such", "w.npy"), new[] { Small() })),
            ["unwritable folder"] = new("AccessDenied", Nothing, _ => TensorFileWriter.Export("/sys/kaimingtools-test.npy", new[] { Small() })),
            ["existing file without force"] = new("FileExists", Put("w.npy", new byte[] { 1, 2, 3 }), f => TensorFileWriter.Export(f.File("w.npy"), new[] { Small() })),
            ["existing file without force, streamed"] = new("FileExists", Put("w.safetensors", new byte[] { 4 }), Generate(new long[] { 2, 3 }, "w.safetensors")),
            ["path is a folder"] = new("PathIsDirectory", f => Directory.CreateDirectory(f.File("d.npy")), f => TensorFileWriter.Export(f.File("d.npy"), new[] { Small() }, force: true)),
            ["two tensors to .npy"] = new("FormatHoldsOneTensor", Nothing, f => TensorFileWriter.Export(f.File("w.npy"), new[] { Small("a"), Small("b") })),
            ["bfloat16 to .npy"] = new("UnsupportedDtype", Nothing, f => TensorFileWriter.Export(f.File("w.npy"), new[] { Small() }, dtype: TensorFileDType.BFloat16)),
            ["dtype with CSV"] = new("DtypeNotApplicable", Nothing, f => TensorFileWriter.Export(f.File("w.csv"), new[] { Small() }, dtype: TensorFileDType.Float64)),
            ["duplicate tensor names"] = new("DuplicateTensorName", Nothing, f => TensorFileWriter.Export(f.File("w.safetensors"), new[] { Small("x"), Small("x") })),
            ["reserved tensor name"] = new("InvalidTensorName", Nothing, f => TensorFileWriter.Export(f.File("w.safetensors"), new[] { Small("__metadata__") })),
            ["no tensors"] = new("NoTensors", Nothing, f => TensorFileWriter.Export(f.File("w.safetensors"), Array.Empty<WeightTensor>())),
            ["missing file"] = new("FileNotFound", Nothing, Import("absent.npy")),
            ["CSV import"] = new("CsvNotReadable", Put("w.csv", new byte[] { (byte)'1' }), Import("w.csv")),

            // Hostile .npy files.
            ["npy object dtype"] = new("NpyUnsupportedDtype", Put("h.npy", Npy(NpyDict(descr: "'|O'"), 48)), Import("h.npy")),
            ["npy pickle instead of npy"] = new("NpyBadMagic", Put("h.npy", new byte[] { 0x80, 4, 0x95, 0, 0, 0, 0, 0, 0, 0, (byte)'c', (byte)'o', (byte)'s' }), Import("h.npy")),
            ["npy big-endian"] = new("NpyBigEndian", Put("h.npy", Npy(NpyDict(descr: "'>f4'"), 24)), Import("h.npy")),
            ["npy Fortran order"] = new("NpyFortranOrder", Put("h.npy", Npy(NpyDict(fortran: "True"), 24)), Import("h.npy")),
            ["npy header length beyond the file"] = new("NpyTruncated", Put("h.npy", Npy(NpyDict(), 0, claimedHeaderLength: 60000)), Import("h.npy")),
            ["npy header too large"] = new("NpyHeaderTooLarge", Put("h.npy", Npy(NpyDict(), 0, major: 2, claimedHeaderLength: 0xFFFFFFF0)), Import("h.npy")),
            ["npy too little data"] = new("NpyDataLengthMismatch", Put("h.npy", Npy(NpyDict(), 20)), Import("h.npy")),
            ["npy too much data"] = new("NpyDataLengthMismatch", Put("h.npy", Npy(NpyDict(), 28)), Import("h.npy")),
            ["npy non-ASCII header"] = new("NpyMalformedHeader", Put("h.npy", Npy(NpyDict(descr: "'<f4\u00e9'"), 24)), Import("h.npy")),
            ["npy garbage header"] = new("NpyMalformedHeader", Put("h.npy", Npy("__import__('os').system('x')", 24)), Import("h.npy")),
            ["npy missing key"] = new("NpyMalformedHeader", Put("h.npy", Npy("{'descr': '<f4', 'shape': (2, 3)}", 24)), Import("h.npy")),
            ["npy duplicate key"] = new("NpyMalformedHeader", Put("h.npy", Npy("{'descr': '<f4', 'descr': '<f8', 'fortran_order': False, 'shape': (2, 3)}", 24)), Import("h.npy")),
            ["npy negative dimension"] = new("NpyMalformedHeader", Put("h.npy", Npy(NpyDict(shape: "(-2, 3)"), 24)), Import("h.npy")),
            ["npy shape product overflows"] = new("NpyShapeTooLarge", Put("h.npy", Npy(NpyDict(shape: "(4294967296, 4294967296, 4)"), 24)), Import("h.npy")),
            ["npy dimension beyond long"] = new("NpyShapeTooLarge", Put("h.npy", Npy(NpyDict(shape: "(99999999999999999999999, 3)"), 24)), Import("h.npy")),
            ["npy integer dtype"] = new("NpyUnsupportedDtype", Put("h.npy", Npy(NpyDict(descr: "'<i4'"), 24)), Import("h.npy")),
            ["npy structured dtype"] = new("NpyUnsupportedDtype", Put("h.npy", Npy(NpyDict(descr: "[('a', '<f4')]"), 24)), Import("h.npy")),
            ["npy version 4"] = new("NpyUnsupportedVersion", Put("h.npy", Npy(NpyDict(), 24, major: 4)), Import("h.npy")),
            ["npy five bytes"] = new("NpyTruncated", Put("h.npy", new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P' }), Import("h.npy")),
            ["npy names given"] = new("NamesNotApplicable", Put("h.npy", Npy(NpyDict(), 24)), Import("h.npy", "x")),

            // Hostile .safetensors files.
            ["safetensors header over 100 MB"] = new("SafetensorsHeaderTooLarge", Put("h.safetensors", Safetensors("{}", 0, claimedLength: 100_000_001)), Import("h.safetensors")),
            ["safetensors header beyond the file"] = new("SafetensorsHeaderBeyondFile", Put("h.safetensors", Safetensors("{}", 0, claimedLength: 4096)), Import("h.safetensors")),
            ["safetensors shorter than 8 bytes"] = new("SafetensorsTruncated", Put("h.safetensors", new byte[] { 2, 0, 0 }), Import("h.safetensors")),
            ["safetensors invalid JSON"] = new("SafetensorsInvalidJson", Put("h.safetensors", Safetensors("{\"w\":{\"dtype\":\"F32\",}", 0)), Import("h.safetensors")),
            ["safetensors invalid UTF-8"] = new("SafetensorsInvalidJson", Put("h.safetensors", SafetensorsRaw(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, 0)), Import("h.safetensors")),
            ["safetensors deep nesting"] = new("SafetensorsInvalidJson", Put("h.safetensors", Safetensors(new string('[', 5000) + new string(']', 5000), 0)), Import("h.safetensors")),
            ["safetensors duplicate key"] = new("SafetensorsDuplicateKey", Put("h.safetensors", Safetensors(St(Entry("w", "[2,3]", 0, 24), Entry("w", "[1]", 0, 4)), 24)), Import("h.safetensors")),
            ["safetensors header not an object"] = new("SafetensorsInvalidHeader", Put("h.safetensors", Safetensors("[1,2]", 0)), Import("h.safetensors")),
            ["safetensors unknown dtype"] = new("SafetensorsUnsupportedDtype", Put("h.safetensors", Safetensors(St(Entry("w", "[2,3]", 0, 24, "Q7")), 24)), Import("h.safetensors")),
            ["safetensors integer dtype"] = new("SafetensorsUnsupportedDtype", Put("h.safetensors", Safetensors(St(Entry("w", "[2,3]", 0, 24, "I32")), 24)), Import("h.safetensors")),
            ["safetensors overlapping offsets"] = new("SafetensorsNonContiguousOffsets", Put("h.safetensors", Safetensors(St(Entry("a", "[2,3]", 0, 24), Entry("b", "[2,3]", 12, 36)), 36)), Import("h.safetensors")),
            ["safetensors gap between tensors"] = new("SafetensorsNonContiguousOffsets", Put("h.safetensors", Safetensors(St(Entry("a", "[2,3]", 0, 24), Entry("b", "[1]", 28, 32)), 32)), Import("h.safetensors")),
            ["safetensors trailing bytes"] = new("SafetensorsNonContiguousOffsets", Put("h.safetensors", Safetensors(St(Entry("a", "[2,3]", 0, 24)), 30)), Import("h.safetensors")),
            ["safetensors offsets out of bounds"] = new("SafetensorsOffsetsOutOfBounds", Put("h.safetensors", Safetensors(St(Entry("a", "[2,3]", 0, 24)), 16)), Import("h.safetensors")),
            ["safetensors offsets reversed"] = new("SafetensorsInvalidHeader", Put("h.safetensors", Safetensors(St(Entry("a", "[2,3]", 24, 0)), 24)), Import("h.safetensors")),
            ["safetensors shape disagrees with offsets"] = new("SafetensorsDataLengthMismatch", Put("h.safetensors", Safetensors(St(Entry("a", "[2,4]", 0, 24)), 24)), Import("h.safetensors")),
            ["safetensors shape overflows"] = new("SafetensorsShapeTooLarge", Put("h.safetensors", Safetensors(St(Entry("a", "[4294967296,4294967296,4]", 0, 24)), 24)), Import("h.safetensors")),
            ["safetensors metadata not strings"] = new("SafetensorsInvalidMetadata", Put("h.safetensors", Safetensors(St("\"__metadata__\":{\"a\":1}", Entry("w", "[2,3]", 0, 24)), 24)), Import("h.safetensors")),
            ["safetensors inconsistent provenance"] = new("SafetensorsInvalidMetadata", Put("h.safetensors", Safetensors(St(
                "\"__metadata__\":{\"w.scheme\":\"Kaiming\",\"w.distribution\":\"Normal\",\"w.mode\":\"FanIn\",\"w.fan_in\":\"3\",\"w.fan_out\":\"2\",\"w.gain\":\"2\",\"w.std\":\"0.5\"}",
                Entry("w", "[2,3]", 0, 24)), 24)), Import("h.safetensors")),
            ["safetensors named tensor missing"] = new("TensorNotFound", Put("h.safetensors", Safetensors(St(Entry("w", "[2,3]", 0, 24)), 24)), Import("h.safetensors", "bias")),
        };

        public static TheoryData<string> CaseNames => new(Cases.Keys);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Bad_input_gets_its_error_id_and_changes_no_file(string name)
        {
            Case c = Cases[name];
            using var folder = new TempFolder();
            c.Arrange(folder);
            var before = folder.Snapshot();
            Exception e = Assert.ThrowsAny<Exception>(() => c.Act(folder));
            string? id = e switch
            {
                InitArgumentException a => a.ErrorId,
                TensorFileException t => t.ErrorId,
                _ => null,
            };
            Assert.True(id == c.ExpectedId, $"expected {c.ExpectedId}, got {e.GetType().Name} {id}: {e.Message}");
            Assert.Equal(before, folder.Snapshot());
            Assert.False(File.Exists("/sys/kaimingtools-test.npy"));
        }

        [Fact]
        public void The_table_has_at_least_thirty_cases_covering_both_formats()
        {
            Assert.True(Cases.Count >= 30);
            Assert.True(Cases.Keys.Count(k => k.StartsWith("npy ", StringComparison.Ordinal)) >= 10);
            Assert.True(Cases.Keys.Count(k => k.StartsWith("safetensors ", StringComparison.Ordinal)) >= 10);
        }

        [Fact]
        public void Too_large_gives_the_size_in_the_message()
        {
            var e = Assert.Throws<InitArgumentException>(() => Initializer.Kaiming().Generate(new long[] { 1L << 31, 2 }, seed: 1));
            Assert.True(e.IsLimitExceeded);
            Assert.Contains("4,294,967,296 elements (16 GiB)", e.Message, StringComparison.Ordinal);
        }
    }
}
