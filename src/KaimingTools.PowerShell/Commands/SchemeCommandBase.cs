using System.Management.Automation;
using KaimingTools.PowerShell.Infrastructure;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>Adds the choice of scheme (and its scale) to the initialiser parameters.</summary>
    public abstract class SchemeCommandBase : InitSpecCommandBase
    {
        #region Parameters

        /// <summary>
        /// <para type="description">Kaiming (default; also He), Xavier (Glorot), LeCun or VarianceScaling.</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SchemeCompleter))]
        public string Scheme { get; set; } = nameof(InitScheme.Kaiming);

        /// <summary>
        /// <para type="description">VarianceScaling's scale: Var[w] = Scale/fan (Keras he_normal is 2 with FanIn).</para>
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public double? Scale { get; set; }

        #endregion

        /// <inheritdoc/>
        protected override InitScheme SelectedScheme => Names.ParseScheme(Scheme);

        /// <inheritdoc/>
        protected override double? SelectedScale => Scale;
    }
}
