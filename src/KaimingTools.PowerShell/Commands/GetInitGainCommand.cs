using System.Collections.Generic;
using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the gain of a nonlinearity: PyTorch's table value (default) or the exact variance-preserving gain 1/√E[φ(z)²].</para>
    /// <para type="description">-Method Table (default) gives PyTorch's torch.nn.init.calculate_gain: 1 for Linear, Identity, the convolutions and Sigmoid; 5/3 for Tanh; √2 for ReLU; √(2/(1+s²)) for LeakyReLU with slope s (0.01 by default); 3/4 for SELU. ELU, GELU, GELUTanh, SiLU (Swish), Mish and Softplus have no table value and get their exact gain. Without -Nonlinearity, one row per nonlinearity.</para>
    /// <para type="description">-Method Exact gives g = 1/√E[φ(z)²] with z ~ N(0, 1): He et al.'s forward condition n·Var[w]·E[φ(y)²] = Var[y] (2015, §2.2, eqs. 7–10) at unit pre-activation variance. It is the second moment E[φ(z)²], not the variance, because the weights have zero mean, so the activation's mean does not cancel. ReLU gives exactly √2 and leaky ReLU exactly √(2/(1+s²)); tanh gives 1.59254 (table: 5/3), sigmoid 1.84623 (table: 1), SELU 1.00000 (table: 3/4), GELU 1.53353, SiLU 1.67653. The integral is computed by adaptive Gauss–Legendre quadrature to a relative error below 1e-13; the result carries SecondMoment, QuadratureError and the TableGain for comparison.</para>
    /// <para type="description">-Activation takes any function as a script block (its argument is $args[0], also $_), e.g. { param($x) $x * [math]::Tanh($x) }, and gives its exact gain. See about_KaimingTools for why tanh's table value differs from its exact one.</para>
    /// </summary>
    /// <example>
    ///   <code>Get-InitGain</code>
    ///   <para>The whole table.</para>
    /// </example>
    /// <example>
    ///   <code>Get-InitGain leaky_relu -NegativeSlope 0.2</code>
    ///   <para>√(2/1.04) = 1.38675 for a leaky ReLU with slope 0.2.</para>
    /// </example>
    /// <example>
    ///   <code>Get-InitGain GELU -Method Exact</code>
    ///   <para>The exact gain of GELU, 1.53353, with E[GELU(z)²] = 0.425221.</para>
    /// </example>
    /// <example>
    ///   <code>New-KaimingWeights -FanIn 768 -Gain (Get-InitGain tanh -Method Exact).Gain</code>
    ///   <para>Kaiming weights with tanh's exact gain 1.59254 instead of the table's 5/3.</para>
    /// </example>
    /// <example>
    ///   <code>Get-InitGain -Activation { param($x) [math]::Max(0.0, $x) * [math]::Max(0.0, $x) } -Name 'squared relu'</code>
    ///   <para>The exact gain of a user-supplied activation, here relu², E[relu(z)⁴] = 3/2, gain 0.816497 (0.0, not 0, so that [math]::Max takes doubles).</para>
    /// </example>
    [Cmdlet(VerbsCommon.Get, "InitGain", DefaultParameterSetName = NamedSet)]
    [OutputType(typeof(GainInfo), typeof(ExactGain))]
    public sealed class GetInitGainCommand : PSCmdlet
    {
        private const string NamedSet = "Named";
        private const string CustomSet = "Custom";

        #region Parameters

        /// <summary>
        /// <para type="description">The nonlinearity (ReLU, LeakyReLU, Tanh, SELU, Sigmoid, Linear, Conv2d…, and ELU, GELU, GELUTanh, SiLU/Swish, Mish, Softplus; PyTorch spellings work). All of them when omitted.</para>
        /// </summary>
        [Parameter(Position = 0, ParameterSetName = NamedSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(NonlinearityCompleter))]
        public string? Nonlinearity { get; set; }

        /// <summary>
        /// <para type="description">Leaky ReLU's negative slope s (finite, ≥ 0).</para>
        /// </summary>
        [Parameter(ParameterSetName = NamedSet, ValueFromPipelineByPropertyName = true)]
        public double? NegativeSlope { get; set; }

        /// <summary>
        /// <para type="description">Table (default): PyTorch's calculate_gain value. Exact: 1/√E[φ(z)²], z ~ N(0, 1).</para>
        /// </summary>
        [Parameter(ParameterSetName = NamedSet)]
        public GainMethod Method { get; set; } = GainMethod.Table;

        /// <summary>
        /// <para type="description">A user-supplied activation φ as a script block taking one number ($args[0] or $_) and returning one number; its exact gain is computed. It must be finite for every real input.</para>
        /// </summary>
        [Parameter(Mandatory = true, ParameterSetName = CustomSet)]
        public ScriptBlock? Activation { get; set; }

        /// <summary>
        /// <para type="description">A name for the -Activation result (default "custom").</para>
        /// </summary>
        [Parameter(ParameterSetName = CustomSet)]
        public string Name { get; set; } = "custom";

        #endregion

        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            try
            {
                if (ParameterSetName == CustomSet)
                {
                    WriteObject(ExactGains.Calculate(Evaluate, Name));
                }
                else if (Nonlinearity is null)
                {
                    WriteObject(Rows(), enumerateCollection: true);
                }
                else
                {
                    KaimingTools.Nonlinearity n = Names.ParseNonlinearity(Nonlinearity);
                    WriteObject(Method == GainMethod.Exact ? ExactGains.Calculate(n, NegativeSlope) : Gains.Describe(n, NegativeSlope));
                }
            }
            catch (InitArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.From(ex, (object?)Nonlinearity ?? Activation));
            }
            catch (RuntimeException ex)
            {
                ThrowTerminatingError(new ErrorRecord(ex, "ActivationFailed", ErrorCategory.InvalidOperation, Activation));
            }
        }

        #endregion

        private System.Collections.IEnumerable Rows()
        {
            if (NegativeSlope is not null)
            {
                KaimingTools.Nonlinearity leaky = KaimingTools.Nonlinearity.LeakyReLU;
                return Method == GainMethod.Exact ? new object[] { ExactGains.Calculate(leaky, NegativeSlope) } : new object[] { Gains.Describe(leaky, NegativeSlope) };
            }

            return Method == GainMethod.Exact ? ExactGains.Table() : Gains.Table();
        }

        private double Evaluate(double x)
        {
            var variables = new List<PSVariable> { new("_", x) };
            var output = Activation!.InvokeWithContext(null, variables, x);
            if (output.Count != 1 || !LanguagePrimitives.TryConvertTo(output[0], System.Globalization.CultureInfo.InvariantCulture, out double y))
            {
                throw new InitArgumentException("ActivationNotNumeric", "Activation",
                    $"The activation must return exactly one number; at x = {InitArgumentException.Format(x)} it returned {output.Count} value(s).");
            }

            return y;
        }
    }
}
