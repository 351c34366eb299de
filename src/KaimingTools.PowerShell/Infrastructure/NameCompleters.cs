using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace KaimingTools.PowerShell.Infrastructure
{
    /// <summary>
    /// Tab completion for a name parameter: the canonical names first, then the PyTorch/Keras spellings
    /// the core also accepts (<see cref="Names"/>), matched case-insensitively by prefix.
    /// </summary>
    public abstract class NameCompleter : IArgumentCompleter
    {
        /// <summary>The names to offer.</summary>
        protected abstract IEnumerable<string> Candidates { get; }

        /// <inheritdoc/>
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return Candidates
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name));
        }
    }

    /// <summary>Completes nonlinearity names.</summary>
    public sealed class NonlinearityCompleter : NameCompleter
    {
        /// <inheritdoc/>
        protected override IEnumerable<string> Candidates => Names.NonlinearityNames;
    }

    /// <summary>Completes distribution names.</summary>
    public sealed class DistributionCompleter : NameCompleter
    {
        /// <inheritdoc/>
        protected override IEnumerable<string> Candidates => Names.DistributionNames;
    }

    /// <summary>Completes fan mode names.</summary>
    public sealed class FanModeCompleter : NameCompleter
    {
        /// <inheritdoc/>
        protected override IEnumerable<string> Candidates => Names.FanModeNames;
    }

    /// <summary>Completes layout names.</summary>
    public sealed class LayoutCompleter : NameCompleter
    {
        /// <inheritdoc/>
        protected override IEnumerable<string> Candidates => Names.LayoutNames;
    }

    /// <summary>Completes scheme names.</summary>
    public sealed class SchemeCompleter : NameCompleter
    {
        /// <inheritdoc/>
        protected override IEnumerable<string> Candidates => Names.SchemeNames;
    }

    /// <summary>Completes file format names.</summary>
    public sealed class FileFormatCompleter : NameCompleter
    {
        /// <inheritdoc/>
        protected override IEnumerable<string> Candidates => Enum.GetNames(typeof(Formats.TensorFileFormat));
    }
}
