using System.Collections.Generic;
using KaimingTools.Distributions;
using KaimingTools.Simulation;
using KaimingTools.Tensors;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace KaimingTools.Interactive
{
    /// <summary>
    /// The .NET Interactive extension: rich HTML for KaimingTools objects in Polyglot Notebooks and Jupyter.
    /// Loaded by <c>extension.dib</c> (packed under <c>interactive-extensions/dotnet</c>) or by calling
    /// <see cref="Load"/> from a notebook after <c>#r</c> of this assembly.
    /// </summary>
    public static class KaimingToolsKernelExtension
    {
        /// <summary>
        /// Registers text/html formatters: a <see cref="WeightTensor"/> shows its summary and a histogram
        /// with the analytical pdf overlaid; a <see cref="LayerDistribution"/> its formula (LaTeX) and pdf/cdf;
        /// a <see cref="SignalPropagationResult"/> (or a list of them) variance by depth on a log axis.
        /// </summary>
        /// <param name="kernel">The kernel loading the extension (unused: formatters are process-wide).</param>
        public static void Load(Kernel kernel)
        {
            Formatter.Register<WeightTensor>((tensor, writer) => writer.Write(WeightTensorHtml.Render(tensor)), HtmlFormatter.MimeType);
            Formatter.Register<LayerDistribution>((distribution, writer) => writer.Write(DistributionHtml.Render(distribution)), HtmlFormatter.MimeType);
            Formatter.Register<SignalPropagationResult>((result, writer) => writer.Write(SignalPropagationHtml.Render(new[] { result })), HtmlFormatter.MimeType);
            Formatter.Register<IReadOnlyList<SignalPropagationResult>>((results, writer) => writer.Write(SignalPropagationHtml.Render(results)), HtmlFormatter.MimeType);
            KernelInvocationContext.Current?.Display(
                "KaimingTools.Interactive is loaded: WeightTensor, LayerDistribution and SignalPropagationResult now display as tables, formulas and plots.",
                "text/plain");
        }
    }
}
