using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// The parameters that describe a layer — its fans, or a weight shape and layout — shared by every
    /// cmdlet that works on one layer, and bindable by property name so that a layer table
    /// (<c>Import-Csv layers.csv</c> with Name, FanIn, FanOut or Shape) yields one result per row.
    /// </summary>
    public abstract class LayerCommandBase : KaimingCmdletBase
    {
        /// <summary>Parameter set for fans given directly.</summary>
        protected const string ByFanSet = "ByFan";

        /// <summary>Parameter set for a weight shape.</summary>
        protected const string ByShapeSet = "ByShape";

        #region Parameters

        /// <summary>
        /// <para type="description">fan_in: the number of inputs feeding one output unit, times the receptive field.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByFanSet, ValueFromPipelineByPropertyName = true)]
        public double FanIn { get; set; }

        /// <summary>
        /// <para type="description">fan_out: the number of outputs one input unit feeds, times the receptive field. Defaults to FanIn.</para>
        /// </summary>
        [Parameter(ParameterSetName = ByFanSet, ValueFromPipelineByPropertyName = true)]
        public double? FanOut { get; set; }

        /// <summary>
        /// <para type="description">The weight's shape, e.g. 64,3,7,7 (at least 2 dimensions). Text such as '64x3x7x7' is accepted.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByShapeSet, ValueFromPipelineByPropertyName = true)]
        [ShapeTransformation]
        public long[] Shape { get; set; } = System.Array.Empty<long>();

        /// <summary>
        /// <para type="description">How Shape is ordered: Torch (out, in/groups, k…; default, also ONNX), Keras (k…, in/groups, out; also TF/JAX) or TorchTranspose (in, out/groups, k…).</para>
        /// </summary>
        [Parameter(ParameterSetName = ByShapeSet, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LayoutCompleter))]
        public string Layout { get; set; } = nameof(TensorLayout.Torch);

        /// <summary>
        /// <para type="description">Convolution groups; must divide the output channels (input channels for TorchTranspose).</para>
        /// </summary>
        [Parameter(ParameterSetName = ByShapeSet, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, int.MaxValue)]
        public int Groups { get; set; } = 1;

        /// <summary>
        /// <para type="description">A name carried to the output (a layer table's Name column binds here).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        #endregion

        /// <summary>The layout as the core's enum (throws <see cref="InitArgumentException"/> for an unknown name).</summary>
        protected TensorLayout TensorLayoutValue => Names.ParseLayout(Layout);

        /// <summary>True when the layer was given as a shape.</summary>
        protected bool ByShape => ParameterSetName == ByShapeSet;

        /// <summary>The layer's fans, from the fans or the shape (throws <see cref="InitArgumentException"/>).</summary>
        protected Fans LayerFans() =>
            ByShape ? Fans.FromShape(Shape, TensorLayoutValue, Groups) : new Fans(FanIn, FanOut ?? FanIn);

        /// <summary>
        /// The weight shape to generate: Shape, or (FanOut, FanIn) — a Linear weight in PyTorch's layout.
        /// </summary>
        protected long[] WeightShape()
        {
            if (ByShape)
            {
                return Shape;
            }

            Fans fans = LayerFans();
            return new[] { WholeFan(fans.FanOut, "FanOut"), WholeFan(fans.FanIn, "FanIn") };
        }

        /// <summary>The output object, with a Name property when -Name (or a table's Name column) was given and it has none.</summary>
        protected PSObject WithName(object output)
        {
            var result = PSObject.AsPSObject(output);
            // Never shadow a Name the output has of its own (an inference row names its candidate).
            if (Name is not null && result.Properties["Name"] is null)
            {
                result.Properties.Add(new PSNoteProperty("Name", Name));
            }

            return result;
        }

        /// <summary>Runs <paramref name="body"/>, reporting errors against this layer (see <see cref="KaimingCmdletBase.Run"/>).</summary>
        protected void Run(System.Action body) => Run(body, ByShape ? Shape : (object)FanIn);

        private static long WholeFan(double fan, string name)
        {
            if (fan != System.Math.Floor(fan) || fan > long.MaxValue)
            {
                throw new InitArgumentException("FanNotWholeNumber", name,
                    $"{name} must be a whole number to make a weight tensor of shape (FanOut, FanIn); got {InitArgumentException.Format(fan)}. Bounds for fractional fans are available from Get-InitBounds.");
            }

            return (long)fan;
        }
    }
}
