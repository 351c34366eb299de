using System.Management.Automation;
using KaimingTools.Formats;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads weight tensors from a .npy or .safetensors file.</para>
    /// <para type="description">A .npy file (NumPy format 1.0, 2.0 or 3.0; '&lt;f4', '&lt;f8' or '&lt;f2', C order) gives one tensor named after the file. A .safetensors file gives all its tensors (F32, F64, F16, BF16), or those named by -Name; the initialisation metadata written by Export-InitWeights (scheme, distribution, fans, gain, seed) comes back in each tensor's Init and Seed, so Test-InitWeights can check them.</para>
    /// <para type="description">Files are checked before anything is allocated: object/pickled arrays, big-endian or Fortran-ordered data, headers that lie about sizes or offsets, and malformed JSON are refused with a specific error id (NpyUnsupportedDtype, NpyFortranOrder, SafetensorsOffsetsOutOfBounds, …). Nothing is ever evaluated.</para>
    /// </summary>
    /// <example>
    ///   <code>Import-InitWeights -Path fc1.npy | Test-InitWeights -FanIn 512 -Distribution Normal</code>
    ///   <para>Reads a NumPy file and tests it against Kaiming normal for 512 inputs (a .npy file carries no provenance, so the scheme is given).</para>
    /// </example>
    /// <example>
    ///   <code>Import-InitWeights model.safetensors -Name conv1, fc | Format-List Name, Shape, Seed</code>
    ///   <para>Two named tensors of a safetensors file, with the seeds they were generated with.</para>
    /// </example>
    [Cmdlet(VerbsData.Import, "InitWeights")]
    [OutputType(typeof(WeightTensor))]
    public sealed class ImportInitWeightsCommand : KaimingCmdletBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">The file to read (Get-ChildItem output binds by its FullName).</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        public string Path { get; set; } = string.Empty;

        /// <summary>
        /// <para type="description">The tensors to read from a .safetensors file (default: all).</para>
        /// </summary>
        [Parameter(Position = 1)]
        public string[]? Name { get; set; }

        /// <summary>
        /// <para type="description">Npy or Safetensors (default: from the extension).</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(FileFormatCompleter))]
        public string? Format { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            Run(
                () =>
                {
                    TensorFileFormat? format = Format is null ? null : TensorFileFormats.Parse(Format);
                    WriteObject(TensorFileReader.Read(ResolvePath(Path), Name, format), enumerateCollection: true);
                },
                Path);
        }

        #endregion
    }
}
