using System;
using System.Management.Automation;
using System.Threading;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates a weight tensor with Kaiming He initialisation.</para>
    /// <para type="description">Draws from N(0, gain²/fan) (default), U(−b, b) with b = gain·√(3/fan), or the Keras/JAX truncated normal, with a reproducible counter-based generator: the same -Seed gives the same bits on every machine.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "KaimingWeights", DefaultParameterSetName = ByFanSet)]
    [OutputType(typeof(WeightTensor))]
    public sealed class NewKaimingWeightsCommand : KaimingCommandBase, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        #region Parameters

        /// <summary>
        /// <para type="description">The seed (0 to 18446744073709551615). Without it a random seed is drawn and recorded in the tensor's Seed property.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public ulong? Seed { get; set; }

        /// <summary>
        /// <para type="description">Single (float32, default) or Double (float64).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public TensorElementType DataType { get; set; } = TensorElementType.Single;

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
                using (var progress = new ProgressReporter(this, "New-KaimingWeights", Fans.ValidateShape(shape)))
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
                WriteObject(tensor);
            });
        }

        /// <inheritdoc/>
        protected override void StopProcessing() => _stop.Cancel();

        #endregion

        /// <inheritdoc/>
        public void Dispose() => _stop.Dispose();
    }
}
