using System.Management.Automation;
using KaimingTools.Formats;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// What every weight-generating cmdlet shares: seed, element type, progress, Ctrl+C, and the one call
    /// into the core — <see cref="Initializer.Generate"/> in memory, or
    /// <see cref="TensorFileWriter.WriteGenerated"/> straight to a file with -Path (any size, bounded memory).
    /// </summary>
    public abstract class GenerateCommandBase : InitSpecCommandBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">The seed (0 to 18446744073709551615). The same seed gives the same bits everywhere; without it a random seed is drawn and recorded in the tensor's Seed property.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ulong? Seed { get; set; }

        /// <summary>
        /// <para type="description">Single (float32, default) or Double (float64).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public TensorElementType DataType { get; set; } = TensorElementType.Single;

        /// <summary>
        /// <para type="description">Most threads to generate on (default: one per core). The bits do not depend on it.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, 1024)]
        public int? ThrottleLimit { get; set; }

        /// <summary>
        /// <para type="description">Output the numbers alone — the tensor's C-ordered float[] (or double[]) as one object — instead of the tensor.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter AsArray { get; set; }

        /// <summary>
        /// <para type="description">Write the weights to this file (.npy, .safetensors or .csv) chunk by chunk instead of returning them: any size, with memory bounded by a few megabytes, and the same bytes as generating in memory and exporting. The write is atomic. Returns a summary of the file.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Path { get; set; }

        /// <summary>
        /// <para type="description">With -Path: Npy, Safetensors or Csv (default: from the file's extension).</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(FileFormatCompleter))]
        public string? Format { get; set; }

        /// <summary>
        /// <para type="description">With -Path: replace an existing file (otherwise it is left alone and an error is reported).</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            Run(() =>
            {
                Initializer initializer = CreateInitializer();
                long[] shape = WeightShape();
                TensorLayout layout = ByShape ? TensorLayoutValue : TensorLayout.Torch;
                int groups = ByShape ? Groups : 1;
                using var progress = new ProgressReporter(this, MyInvocation.MyCommand.Name, Fans.ValidateShape(shape));
                if (Path is null)
                {
                    WeightTensor tensor = initializer.Generate(shape, layout, groups, Seed, DataType, StopToken, progress, ThrottleLimit);
                    tensor.Name = Name;
                    WriteObject(AsArray ? tensor.Data : tensor, enumerateCollection: false);
                    return;
                }

                string target = AtomicFile.CheckTarget(ResolvePath(Path), Force);
                if (ShouldProcess(target, $"Write {Fans.FormatShape(shape)} {initializer.Scheme} {initializer.Distribution} weights"))
                {
                    TensorFileFormat? format = Format is null ? null : TensorFileFormats.Parse(Format);
                    WriteObject(TensorFileWriter.WriteGenerated(target, initializer, shape, layout, groups, Seed, DataType, Name, format, null, Force, StopToken, progress, ThrottleLimit));
                }
            });
        }

        #endregion
    }
}
