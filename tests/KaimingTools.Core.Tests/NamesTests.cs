using KaimingTools.Distributions;

namespace KaimingTools.Tests
{
    public class NamesTests
    {
        [Theory]
        [InlineData("relu", Nonlinearity.ReLU)]
        [InlineData("ReLU", Nonlinearity.ReLU)]
        [InlineData("leaky_relu", Nonlinearity.LeakyReLU)]
        [InlineData("Leaky-ReLU", Nonlinearity.LeakyReLU)]
        [InlineData("conv_transpose2d", Nonlinearity.ConvTranspose2d)]
        [InlineData("selu", Nonlinearity.SELU)]
        [InlineData("none", Nonlinearity.Linear)]
        public void Nonlinearity_names_as_people_write_them(string name, Nonlinearity expected)
        {
            Assert.Equal(expected, Names.ParseNonlinearity(name));
        }

        [Theory]
        [InlineData("fan_in", FanMode.FanIn)]
        [InlineData("FANOUT", FanMode.FanOut)]
        [InlineData("fan_avg", FanMode.FanAvg)]
        public void Mode_names(string name, FanMode expected) => Assert.Equal(expected, Names.ParseFanMode(name));

        [Theory]
        [InlineData("truncated_normal", DistributionKind.TruncatedNormal)]
        [InlineData("trunc_normal", DistributionKind.TruncatedNormal)]
        [InlineData("uniform", DistributionKind.Uniform)]
        [InlineData("Gaussian", DistributionKind.Normal)]
        public void Distribution_names(string name, DistributionKind expected) => Assert.Equal(expected, Names.ParseDistribution(name));

        [Theory]
        [InlineData("onnx", TensorLayout.Torch)]
        [InlineData("tf", TensorLayout.Keras)]
        [InlineData("HWIO", TensorLayout.Keras)]
        [InlineData("torch_transpose", TensorLayout.TorchTranspose)]
        public void Layout_names(string name, TensorLayout expected) => Assert.Equal(expected, Names.ParseLayout(name));

        [Theory]
        [InlineData("he", InitScheme.Kaiming)]
        [InlineData("Glorot", InitScheme.Xavier)]
        [InlineData("variance_scaling", InitScheme.VarianceScaling)]
        public void Scheme_names(string name, InitScheme expected) => Assert.Equal(expected, Names.ParseScheme(name));

        [Fact]
        public void Unknown_names_list_the_valid_ones()
        {
            var ex = Assert.Throws<InitArgumentException>(() => Names.ParseNonlinearity("hardswish"));
            Assert.Equal("UnknownNonlinearity", ex.ErrorId);
            Assert.Contains("LeakyReLU", ex.Message);
            Assert.Equal("UnknownLayout", Assert.Throws<InitArgumentException>(() => Names.ParseLayout("NCHW")).ErrorId);
        }

        [Fact]
        public void Every_completion_parses()
        {
            Assert.All(Names.NonlinearityNames, n => Names.ParseNonlinearity(n));
            Assert.All(Names.DistributionNames, n => Names.ParseDistribution(n));
            Assert.All(Names.FanModeNames, n => Names.ParseFanMode(n));
            Assert.Contains("leaky_relu", Names.NonlinearityNames);
            Assert.Contains("fan_in", Names.FanModeNames);
        }
    }
}
