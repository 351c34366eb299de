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
    ///   <code>Get-Content weights.txt | ForEach-Object { [double]$_ } | Test-InitWeights -FanIn 256 -Scheme Xavier -FanOut 128</code>
    ///   <para>Numbers from a file tested against Xavier-uniform for a 256→128 layer.</para>
    /// </example>
    [Cmdlet(VerbsDiagnostic.Test, "InitWeights", DefaultParameterSetName = TensorSet)]
    [OutputType(typeof(InitFitResult))]
    public sealed class TestInitWeightsCommand : SchemeCommandBase
    {
        private const string TensorSet = "Tensor";
        private static readonly string[] SpecParameters = { "Scheme", "Scale", "Mode", "Nonlinearity", "NegativeSlope", "Gain", "Distribution" };
        private readonly List<double> _values = new();

        #region Parameters

        /// <summary>
        /// <para type="description">The tensor to test.</para>
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = TensorSet, ValueFromPipeline = true)]
        public WeightTensor? InputObject { get; set; }

        /// <summary>
        /// <para type="description">Numbers to test, from the pipeline (collected, then tested once).</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = ByFanSet, ValueFromPipeline = true)]
        [Parameter(Mandatory = true, ParameterSetName = ByShapeSet, ValueFromPipeline = true)]
        public double[] Value { get; set; } = System.Array.Empty<double>();

        /// <summary>
        /// <para type="description">The significance level for Passed (between 0 and 1; default 0.01).</para>
        /// </summary>
        [Parameter]
        [ValidateRange(1e-12, 0.5)]
        public double Alpha { get; set; } = InitFitTest.DefaultAlpha;

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (ParameterSetName != TensorSet)
            {
                _values.AddRange(Value);
                return;
            }

            Run(() => WriteObject(WithName(InitFitTest.Test(InputObject!, ExpectedFor(InputObject!), Alpha))));
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            if (ParameterSetName == TensorSet)
            {
                return;
            }

            if (_values.Count == 0)
            {
                ThrowTerminatingError(Infrastructure.ErrorRecords.InvalidArgument("NoValues", "Value", "There are no numbers to test.", null));
            }

            Run(() => WriteObject(WithName(InitFitTest.Test(_values.ToArray(), new LayerDistribution(CreateInitializer(), LayerFans()), Alpha))));
        }

        #endregion

        private LayerDistribution ExpectedFor(WeightTensor tensor)
        {
            bool overridden = false;
            foreach (string name in SpecParameters)
            {
                overridden |= MyInvocation.BoundParameters.ContainsKey(name);
            }

            if (!overridden && tensor.Init is not null)
            {
                return new LayerDistribution(tensor.Init);
            }

            Fans fans = tensor.Init is null
                ? Fans.FromShape(tensor.Shape, tensor.Layout, tensor.Groups)
                : new Fans(tensor.Init.FanIn, tensor.Init.FanOut);
            return new LayerDistribution(CreateInitializer(), fans);
        }
    }
}
