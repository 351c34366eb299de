using System.Collections.Generic;
using System.Management.Automation;
using KaimingTools.Distributions;
using KaimingTools.Statistics;
using KaimingTools.Tensors;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Tests whether weights follow an initialisation: a Kolmogorov–Smirnov test against the exact distribution, with the moments beside it.</para>
    /// <para type="description">Give a WeightTensor (from the pipeline or -InputObject), or numbers from the pipeline with the layer's -FanIn or -Shape. A tensor made by this module is tested against the initialisation recorded in it unless initialiser parameters (-Scheme, -Distribution, -Mode, -Nonlinearity, -Gain…) say otherwise; then its fans come from its shape and layout.</para>
    /// <para type="description">The result gives the KS statistic D and p-value, the expected and sample mean, std and excess kurtosis, and Passed (p ≥ -Alpha, 0.01 by default).</para>
    /// <para type="description">With -Infer it answers "which initialisation produced these weights?" instead: it ranks candidates — PyTorch's nn.Linear/Conv default kaiming_uniform_(a=√5), Kaiming normal/uniform at fan_in and fan_out with ReLU, leaky ReLU (0.01), linear and tanh gains, Xavier uniform/normal, LeCun normal/uniform, the Keras/JAX truncated normals he_normal, glorot_normal and lecun_normal, and normals with fixed std 0.02 and 0.01 — by the KS p-value of each candidate's exact distribution for the layer's fans, best first. Rows: Rank, Scheme, Distribution, Mode, Fan, Gain, Statistic, PValue, Fits, Name. Fan is the effective n with Var = Gain²/n ((fan_in+fan_out)/2 for Xavier, 1/σ² with gain 1 for fixed-std normals).</para>
    /// <para type="description">A candidate whose support does not contain every value (a too-narrow uniform or truncated normal) gets p = 0. Candidates that give the same distribution (Kaiming fan_in with gain g and fan n equals any other gain and fan with the same g²/n), or distributions closer than the sample can resolve (std within 0.25/√(2N), e.g. ReLU and leaky ReLU 0.01), share a Rank and are listed most common first, fan_in before fan_out. Fits is p ≥ -Alpha for that candidate alone (p-values are not adjusted for the number of candidates). When no candidate fits, a warning says so. A last, unranked row (Rank 0, Scheme FittedStd) is the normal with the sample's own std √(Σx²/N), for reference: its p-value is optimistic because the std was estimated from the same numbers.</para>
    /// </summary>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 512 -Seed 1 | Test-InitWeights</code>
    ///   <para>Checks a generated tensor against N(0, 2/512): Passed is True.</para>
    /// </example>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 512 -Seed 1 | Test-InitWeights -Distribution Uniform</code>
    ///   <para>The same normal weights against the uniform with the same variance: the KS test rejects it (p far below 0.01).</para>
    /// </example>
    /// <example>
    ///   <code>New-InitWeights -Scheme Xavier -FanIn 300 -FanOut 100 -Seed 4 | Test-InitWeights -Infer | Select-Object -First 3</code>
    ///   <para>Ranks the candidates: xavier_uniform_ first with a large p-value, the others rejected.</para>
    /// </example>
    /// <example>
    ///   <code>Import-InitWeights linear.npy | Test-InitWeights -Infer | Select-Object -First 3</code>
    ///   <para>The weight of a PyTorch nn.Linear(96, 24), saved with numpy.save (shape (24, 96) in PyTorch's layout): the top row is kaiming_uniform_(a=√5), PyTorch's default, U(±1/√96).</para>
    /// </example>
    /// <example>
    ///   <code>Get-Content weights.txt | ForEach-Object { [double]$_ } | Test-InitWeights -FanIn 256 -Scheme Xavier -FanOut 128</code>
    ///   <para>Numbers from a file tested against Xavier-uniform for a 256→128 layer.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "InitWeights", DefaultParameterSetName = TensorSet)]
    [OutputType(typeof(InitFitResult), typeof(InitCandidateFit))]
    public sealed class TestInitWeightsCommand : SchemeCommandBase
    {
        private const string TensorSet = "Tensor";
        private static readonly string[] SpecParameters = { "Scheme", "Scale", "Mode", "Nonlinearity", "NegativeSlope", "Gain", "Distribution" };
        private readonly List<double> _values = new();
        private bool _sawTensor;

        #region Parameters

        /// <summary>
        /// <para type="description">The tensor to test. With -FanIn or -Shape, those fans are used instead of the tensor's own (a .npy file carries none).</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TensorSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = ByFanSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = ByShapeSet, ValueFromPipeline = true)]
        public WeightTensor? InputObject { get; set; }

        /// <summary>
        /// <para type="description">Numbers to test, from the pipeline (collected, then tested once).</para>
        /// </summary>
        [Parameter(ParameterSetName = ByFanSet, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = ByShapeSet, ValueFromPipeline = true)]
        public double[] Value { get; set; } = System.Array.Empty<double>();

        /// <summary>
        /// <para type="description">The significance level for Passed (between 0 and 1; default 0.01).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1e-12, 0.5)]
        public double Alpha { get; set; } = InitFitTest.DefaultAlpha;

        /// <summary>
        /// <para type="description">Infer the initialisation instead of testing one: rank the candidate schemes by goodness of fit, best first. Cannot be combined with -Scheme, -Distribution, -Mode, -Nonlinearity, -NegativeSlope, -Gain or -Scale.</para>
        /// </summary>
        [Parameter]
        public SwitchParameter Infer { get; set; }

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (Infer && InitParametersGiven())
            {
                ThrowTerminatingError(Infrastructure.ErrorRecords.InvalidArgument("InferWithInitParameters", "Infer",
                    "-Infer ranks every candidate scheme itself; do not also give -Scheme, -Distribution, -Mode, -Nonlinearity, -NegativeSlope, -Gain or -Scale.", null));
            }
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (InputObject is null)
            {
                _values.AddRange(Value);
                return;
            }

            _sawTensor = true;
            WeightTensor tensor = InputObject;
            Run(() =>
            {
                // Fans given on the command line win over the tensor's own.
                Fans? fans = ParameterSetName == TensorSet ? null : LayerFans();
                if (Infer)
                {
                    WriteInference(fans is Fans f ? InitInference.Infer(tensor.ToDoubleArray(), f, Alpha) : InitInference.Infer(tensor, Alpha));
                }
                else
                {
                    WriteObject(WithName(InitFitTest.Test(tensor, ExpectedFor(tensor, fans), Alpha)));
                }
            });
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (ParameterSetName == TensorSet || (_sawTensor && _values.Count == 0))
            {
                return;
            }

            if (_values.Count == 0)
            {
                ThrowTerminatingError(Infrastructure.ErrorRecords.InvalidArgument("NoValues", "Value", "There are no numbers to test.", null));
            }

            Run(() =>
            {
                if (Infer)
                {
                    WriteInference(InitInference.Infer(_values.ToArray(), LayerFans(), Alpha));
                }
                else
                {
                    WriteObject(WithName(InitFitTest.Test(_values.ToArray(), new LayerDistribution(CreateInitializer(), LayerFans()), Alpha)));
                }
            },
            null,
            perInputRecord: false); // one test of all the piped numbers
        }

        #endregion

        private bool InitParametersGiven()
        {
            foreach (string name in SpecParameters)
            {
                if (MyInvocation.BoundParameters.ContainsKey(name))
                {
                    return true;
                }
            }

            return false;
        }

        private void WriteInference(InitInferenceResult result)
        {
            if (!result.Fits)
            {
                InitCandidateFit best = result.Best;
                WriteWarning($"No candidate initialisation fits these {result.Count} weights at alpha = {result.Alpha}: the best, {best.Name}, has p = {best.PValue:G3}. They were not drawn from any of the schemes tried (or were trained, pruned or quantised since).");
            }

            foreach (InitCandidateFit row in result.Ranked)
            {
                WriteObject(WithName(row));
            }

            if (result.Reference is not null)
            {
                WriteObject(WithName(result.Reference));
            }
        }

        private LayerDistribution ExpectedFor(WeightTensor tensor, Fans? explicitFans)
        {
            if (!InitParametersGiven() && explicitFans is null && tensor.Init is not null)
            {
                return new LayerDistribution(tensor.Init);
            }

            Fans fans = explicitFans
                ?? (tensor.Init is null
                    ? Fans.FromShape(tensor.Shape, tensor.Layout, tensor.Groups)
                    : new Fans(tensor.Init.FanIn, tensor.Init.FanOut));
            return new LayerDistribution(CreateInitializer(), fans);
        }
    }
}
