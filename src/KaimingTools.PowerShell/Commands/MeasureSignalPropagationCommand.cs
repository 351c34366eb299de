using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using KaimingTools.PowerShell.Infrastructure;
using KaimingTools.Sampling;
using KaimingTools.Simulation;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Simulates a deep fully-connected network and measures, layer by layer, the variance of its activations (forward) and gradients (backward) under one or more initialisations.</para>
    /// <para type="description">The setting of He et al. 2015, §2.2: Depth layers y_l = W_l·x_(l-1), x_l = f(y_l), no biases, a batch of N(0, 1) inputs, and a N(0, 1) gradient fed back from the last layer. Each row is one layer under one scheme: Layer, Scheme, ActivationVariance = Var[y_l], GradientVariance = Var[∂E/∂x_(l-1)], with the layer's FanIn, FanOut and WeightVariance.</para>
    /// <para type="description">Kaiming takes its gain from -Nonlinearity; Xavier and LeCun use gain 1, as in the paper's comparison. -Std adds a run with every weight drawn from N(0, Std²) whatever the fans (the paper's 0.01 baseline). With one -Width every layer has that width, so fan_in = fan_out; give Depth+1 widths (input first) to make the two modes differ. The same -Seed gives the same numbers, and every scheme sees the same inputs and gradient.</para>
    /// </summary>
    /// <example>
    ///   <code>Measure-SignalPropagation -Depth 30 -Width 256 -Scheme Kaiming,Xavier -Seed 1 | Where-Object Layer -In 1,10,20,30</code>
    ///   <para>A 30-layer ReLU net: Kaiming keeps Var[y] near 2; Xavier halves it every layer, to about 2^-29 of the first layer's.</para>
    /// </example>
    /// <example>
    ///   <code>Measure-SignalPropagation -Depth 30 -Width 256 -Std 0.01 -Seed 1 | Select-Object -Last 1</code>
    ///   <para>A fixed std of 0.01: ½·256·10^-4 = 0.0128 per layer, so the signal vanishes (about 10^-57 at layer 30).</para>
    /// </example>
    /// <example>
    ///   <code>Measure-SignalPropagation -Depth 3 -Width 64,128,256,512 -Scheme Kaiming -Mode FanIn,FanOut -Seed 1</code>
    ///   <para>Widths that grow: FanIn keeps the forward variance, FanOut the gradient; their gradient ratios differ by the constant (32/16)·(64/32) = 4, not by a power of the depth.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Measure, "SignalPropagation")]
    [OutputType(typeof(LayerSignal))]
    public sealed class MeasureSignalPropagationCommand : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _stop = new();

        #region Parameters

        /// <summary>
        /// <para type="description">The number of layers L (1 to 1000).</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateRange(1, SimulatedNetwork.MaxDepth)]
        public int Depth { get; set; }

        /// <summary>
        /// <para type="description">The width of every layer (one number), or the widths d_0 (the input), d_1, …, d_L (Depth+1 numbers). Each 1 to 8192.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateCount(1, SimulatedNetwork.MaxDepth + 1)]
        public int[] Width { get; set; } = Array.Empty<int>();

        /// <summary>
        /// <para type="description">The schemes to compare: Kaiming, Xavier, LeCun, VarianceScaling (PyTorch/Keras spellings work). Kaiming by default, or none when only -Std is given.</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(SchemeCompleter))]
        public string[]? Scheme { get; set; }

        /// <summary>
        /// <para type="description">The nonlinearity after every layer: ReLU (default), LeakyReLU, Tanh, Sigmoid, SELU or Linear. Kaiming's gain comes from it.</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(NonlinearityCompleter))]
        public string Nonlinearity { get; set; } = "ReLU";

        /// <summary>
        /// <para type="description">Leaky ReLU's negative slope (finite, ≥ 0; 0.01 when only LeakyReLU is named).</para>
        /// </summary>
        [Parameter]
        public double? NegativeSlope { get; set; }

        /// <summary>
        /// <para type="description">The fan Kaiming (and VarianceScaling) scale by: FanIn (default), FanOut, or both for one run each. Xavier and LeCun have fixed fans.</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(FanModeCompleter))]
        public string[]? Mode { get; set; }

        /// <summary>
        /// <para type="description">Fixed standard deviations to compare as well: each adds a run with all weights from N(0, Std²), labelled "Fixed std 0.01" and so on.</para>
        /// </summary>
        [Parameter]
        public double[]? Std { get; set; }

        /// <summary>
        /// <para type="description">The seed (0 to 18446744073709551615). A random one when omitted (written to the verbose stream).</para>
        /// </summary>
        [Parameter]
        public ulong? Seed { get; set; }

        /// <summary>
        /// <para type="description">The number of Gaussian inputs pushed through together (1 to 65536; default 256). Larger batches give smoother variances; the layer-to-layer drift of a finite-width net does not average out.</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1, SignalPropagation.MaxBatchSize)]
        public int BatchSize { get; set; } = SignalPropagation.DefaultBatchSize;

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            try
            {
                if (Width.Length != 1 && Width.Length != Depth + 1)
                {
                    ThrowTerminatingError(ErrorRecords.InvalidArgument("WidthCountMismatch", "Width",
                        $"Give one width, or Depth+1 = {Depth + 1} widths (the input first); got {Width.Length}.", Width));
                }

                Nonlinearity f = Names.ParseNonlinearity(Nonlinearity);
                var network = Width.Length == 1
                    ? new SimulatedNetwork(Depth, Width[0], f, NegativeSlope)
                    : new SimulatedNetwork(Width, f, NegativeSlope);
                List<WeightSource> sources = Sources(f);
                ulong seed = Seed ?? Seeds.NewSeed();
                WriteVerbose($"Seed {seed}");
                foreach (WeightSource source in sources)
                {
                    SignalPropagationResult result;
                    try
                    {
                        result = SignalPropagation.Run(network, source, seed, BatchSize, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        throw new PipelineStoppedException();
                    }

                    WriteObject(result.Layers, enumerateCollection: true);
                }
            }
            catch (InitArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, null));
            }
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

        private List<WeightSource> Sources(Nonlinearity f)
        {
            var sources = new List<WeightSource>();
            string[] schemes = Scheme ?? (Std is null ? new[] { "Kaiming" } : Array.Empty<string>());
            foreach (string name in schemes)
            {
                InitScheme scheme = Names.ParseScheme(name);
                if (scheme is InitScheme.Kaiming or InitScheme.VarianceScaling)
                {
                    foreach (string mode in Mode ?? new[] { "FanIn" })
                    {
                        FanMode m = Names.ParseFanMode(mode);
                        sources.Add(WeightSource.From(scheme == InitScheme.Kaiming
                            ? Initializer.Kaiming(mode: m, nonlinearity: f, negativeSlope: NegativeSlope)
                            : Initializer.VarianceScaling(mode: m)));
                    }
                }
                else
                {
                    // The paper's comparison: Xavier and LeCun with gain 1, whatever the nonlinearity.
                    sources.Add(WeightSource.From(Initializer.Create(scheme)));
                }
            }

            foreach (double std in Std ?? Array.Empty<double>())
            {
                sources.Add(WeightSource.FixedNormal(std));
            }

            return sources;
        }
    }
}
