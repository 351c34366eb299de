using System;
using System.Management.Automation;
using System.Threading;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// What every weight-generating cmdlet shares: seed, element type, progress, Ctrl+C, and the one call
    /// into <see cref="Initializer.Generate"/>.
    /// </summary>
    public abstract class GenerateCommandBase : InitSpecCommandBase, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

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
        /// <para type="description">Output the numbers alone — the tensor's C-ordered float[] (or double[]) as one object — instead of the tensor.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter AsArray { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            Run(() =>
            {
                Initializer initializer = CreateInitializer();
                long[] shape = WeightShape();
                WeightTensor tensor;
                using (var progress = new ProgressReporter(this, MyInvocation.MyCommand.Name, Fans.ValidateShape(shape)))
                {
                    try
                    {
                        tensor = initializer.Generate(shape, ByShape ? TensorLayoutValue : TensorLayout.Torch, ByShape ? Groups : 1, Seed, DataType, _stop.Token, progress);
                    }
                    catch (OperationCanceledException)
                    {
                        throw new PipelineStoppedException();
                    }
                }

                tensor.Name = Name;
                WriteObject(AsArray ? tensor.Data : tensor, enumerateCollection: false);
            });
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => _stop.Cancel();

        #endregion

        /// <inheritdoc/>
        public void Dispose()
        {
            _stop.Dispose();
            GC.SuppressFinalize(this);
        }
    }
}
