using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using KaimingTools.Formats;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Writes weight tensors to a .npy, .safetensors or .csv file that NumPy, PyTorch, the safetensors libraries or a spreadsheet read.</para>
    /// <para type="description">.npy (NumPy format 1.0; float32 '&lt;f4', float64 '&lt;f8' or float16 '&lt;f2', C order) holds one tensor and is byte-for-byte what numpy.save writes. .safetensors holds several: pipe them in, each keyed by its Name (or -Name for a single one); the scheme, distribution, fans, gain, seed and stream version go into __metadata__ and come back with Import-InitWeights. .csv has one row per output unit. The format follows the extension unless -Format says otherwise.</para>
    /// <para type="description">The write is atomic: the data goes to a temporary file in the same folder, which replaces the target only when complete, so a failed or cancelled (Ctrl+C) export leaves the previous file, or none. An existing file is not replaced without -Force; -WhatIf writes nothing.</para>
    /// </summary>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 512 -Seed 1 | Export-InitWeights -Path fc.npy</code>
    ///   <para>A 512×512 float32 .npy file: numpy.load('fc.npy') gives the same numbers.</para>
    /// </example>
    /// <example>
    ///   <code>Import-Csv layers.csv | New-KaimingWeights -Seed 7 | Export-InitWeights -Path model.safetensors -Force</code>
    ///   <para>One tensor per layer, keyed by each row's Name, in one .safetensors file, replacing an older one.</para>
    /// </example>
    /// <example>
    ///   <code>New-XavierWeights -FanIn 4 -FanOut 3 | Export-InitWeights -Path small.csv -WhatIf</code>
    ///   <para>Says what would be written, and writes nothing.</para>
    /// </example>
    [Cmdlet(VerbsData.Export, "InitWeights", SupportsShouldProcess = true)]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportInitWeightsCommand : KaimingCmdletBase
    {
        private readonly List<WeightTensor> _tensors = new();

        #region Parameters

        /// <summary>
        /// <para type="description">The tensor(s) to write, usually from the pipeline.</para>
        /// </summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        public WeightTensor[] InputObject { get; set; } = System.Array.Empty<WeightTensor>();

        /// <summary>
        /// <para type="description">The file to write (.npy, .safetensors or .csv).</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        public string Path { get; set; } = string.Empty;

        /// <summary>
        /// <para type="description">Npy, Safetensors or Csv (default: from the extension).</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(FileFormatCompleter))]
        public string? Format { get; set; }

        /// <summary>
        /// <para type="description">The element type in the file: Float32, Float64, Float16 (npy, safetensors) or BFloat16 (safetensors); default: the tensor's own.</para>
        /// </summary>
        [Parameter]
        public TensorFileDType? DType { get; set; }

        /// <summary>
        /// <para type="description">The tensor's key in a .safetensors file, when one tensor is written (default: its Name, else 'weight').</para>
        /// </summary>
        [Parameter]
        public string? Name { get; set; }

        /// <summary>
        /// <para type="description">Replace an existing file.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>
        /// <para type="description">Never replace an existing file (the default; stated for scripts). Contradicts -Force.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>
        /// <para type="description">Output the written file.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Force && NoClobber)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument("ForceWithNoClobber", "NoClobber", "-Force replaces an existing file and -NoClobber refuses to: give one of them.", Path));
            }
        }

        /// <inheritdoc/>
        protected override void ProcessRecord() => _tensors.AddRange(InputObject);

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            Run(
                () =>
                {
                    if (Name is not null && _tensors.Count == 1)
                    {
                        _tensors[0].Name = Name;
                    }
                    else if (Name is not null)
                    {
                        throw new InitArgumentException("NameWithSeveralTensors", "Name", $"-Name names a single tensor, but {_tensors.Count} were given; name them with their Name property instead.");
                    }

                    string target = AtomicFile.CheckTarget(ResolvePath(Path), Force);
                    if (!ShouldProcess(target, $"Write {_tensors.Count} tensor(s)"))
                    {
                        return;
                    }

                    long total = 0;
                    _tensors.ForEach(t => total += t.Count);
                    using var progress = new ProgressReporter(this, "Export-InitWeights", total);
                    TensorFileFormat? format = Format is null ? null : TensorFileFormats.Parse(Format);
                    TensorFileWriter.Export(target, _tensors, format, DType, Force, StopToken, progress);
                    if (PassThru)
                    {
                        WriteObject(new FileInfo(target));
                    }
                },
                Path,
                perInputRecord: false);
        }

        #endregion
    }
}
