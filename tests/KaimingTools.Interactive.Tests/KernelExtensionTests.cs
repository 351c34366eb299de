using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace KaimingTools.Interactive.Tests
{
    // As dotnet/interactive's ClockExtension tests: a real C# kernel, the extension loaded, code submitted,
    // assertions on the HTML of the DisplayEvent it produces.
    public sealed class KernelExtensionTests : IDisposable
    {
        private readonly CompositeKernel _kernel;

        public KernelExtensionTests()
        {
            _kernel = new CompositeKernel { new CSharpKernel().UseKernelHelpers() };
            KaimingToolsKernelExtension.Load(_kernel);
        }

        public void Dispose() => _kernel.Dispose();

        private async Task<string> HtmlOf(string code)
        {
            string setup = $"#r \"{typeof(Initializer).Assembly.Location}\"\n#r \"{typeof(KaimingToolsKernelExtension).Assembly.Location}\"\nusing KaimingTools; using KaimingTools.Distributions; using KaimingTools.Simulation;\n";
            KernelCommandResult result = await _kernel.SendAsync(new SubmitCode(setup + code));
            CommandFailed? failed = result.Events.OfType<CommandFailed>().FirstOrDefault();
            Assert.True(failed is null, failed?.Message);
            DisplayEvent display = result.Events.OfType<DisplayEvent>().Last();
            return display.FormattedValues.Single(v => v.MimeType == "text/html").Value;
        }

        [Fact]
        public async Task A_layer_distribution_shows_its_formula_as_maths_with_the_numbers_and_a_plot()
        {
            string html = await HtmlOf("new LayerDistribution(Initializer.Kaiming(), new Fans(512, 512))");

            // N(0, 2/512): σ = 0.0625, σ² = 0.00390625, written into the LaTeX density between $$ delimiters.
            Assert.Contains("$$", html);
            Assert.Contains(@"\frac", html);
            Assert.Contains("0.0625", html);
            Assert.Contains("0.00390625", html);
            Assert.Contains("class=\"plotly-graph-div\"", html);
            Assert.Contains("\"name\":\"cdf F(w)\"", html);
            Assert.Contains("katex", html);
        }

        [Fact]
        public async Task A_uniform_distribution_shows_its_bound()
        {
            // U(±√(6/512)) = U(±0.108253).
            string html = await HtmlOf("new LayerDistribution(Initializer.Kaiming(DistributionKind.Uniform), new Fans(512, 512))");
            Assert.Contains("0.108253", html);
            Assert.Contains("Uniform", html);
        }

        [Fact]
        public async Task A_weight_tensor_shows_its_summary_and_a_histogram_with_the_pdf()
        {
            string html = await HtmlOf("Initializer.Kaiming().Generate(new long[] { 256, 512 }, seed: 1)");
            Assert.Contains("(256, 512)", html);
            Assert.Contains("131,072 elements", html);
            Assert.Contains("std 0.0625", html); // expected std √(2/512)
            Assert.Contains("\"type\":\"bar\"", html);
            Assert.Contains("\"name\":\"pdf\"", html);
            Assert.Contains("Seed</th><td>1<", html);
        }

        [Fact]
        public async Task Signal_propagation_results_plot_variance_by_depth_on_a_log_axis()
        {
            string html = await HtmlOf(
                "SignalPropagation.Compare(new SimulatedNetwork(10, 64), new[] { WeightSource.From(Initializer.Kaiming()), WeightSource.FixedNormal(0.01) }, 1, 16)");
            Assert.Contains("\"type\":\"log\"", html);
            Assert.Contains("Kaiming FanIn Var[y]", html);
            Assert.Contains("Fixed std 0.01 Var[Δx]", html);
            Assert.Contains("10 layers, ReLU, batch 16, seed 1", html);
        }

        [Fact]
        public async Task A_single_result_is_formatted_too()
        {
            string html = await HtmlOf("SignalPropagation.Run(new SimulatedNetwork(3, 16), WeightSource.From(Initializer.Xavier()), 2, 8)");
            Assert.Contains("Xavier Var[y]", html);
            Assert.Contains("plotly", html);
        }
    }
}
