using System.Management.Automation;

namespace KaimingTools.PowerShell.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets the numbers of a Kaiming He initialisation for a layer: fans, gain, std, bound, variance and support.</para>
    /// <para type="description">Std = gain/√fan and Bound = gain·√(3/fan) are both always given: a uniform on [−Bound, Bound] and a normal with that Std have the same variance gain²/fan.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "InitBounds", DefaultParameterSetName = ByFanSet)]
    [OutputType(typeof(InitBounds))]
    public sealed class GetInitBoundsCommand : KaimingCommandBase
    {
        #region Overrides

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            Run(() =>
            {
                InitBounds bounds = CreateInitializer().Bounds(LayerFans());
                var output = PSObject.AsPSObject(bounds);
                if (Name is not null)
                {
                    output.Properties.Add(new PSNoteProperty("Name", Name));
                }

                WriteObject(output);
            });
        }

        #endregion
    }
}
