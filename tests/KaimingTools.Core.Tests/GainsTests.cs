using System;

namespace KaimingTools.Tests
{
    public class GainsTests
    {
        // torch.nn.init.calculate_gain(name[, param]) for every entry of its table.
        [Theory]
        [InlineData(Nonlinearity.Linear, 1.0)]
        [InlineData(Nonlinearity.Identity, 1.0)]
        [InlineData(Nonlinearity.Conv1d, 1.0)]
        [InlineData(Nonlinearity.Conv2d, 1.0)]
        [InlineData(Nonlinearity.Conv3d, 1.0)]
        [InlineData(Nonlinearity.ConvTranspose1d, 1.0)]
        [InlineData(Nonlinearity.ConvTranspose2d, 1.0)]
        [InlineData(Nonlinearity.ConvTranspose3d, 1.0)]
        [InlineData(Nonlinearity.Sigmoid, 1.0)]
        [InlineData(Nonlinearity.Tanh, 1.6666666666666667)]
        [InlineData(Nonlinearity.ReLU, 1.4142135623730951)]
        [InlineData(Nonlinearity.LeakyReLU, 1.4141428569978354)] // default slope 0.01
        [InlineData(Nonlinearity.SELU, 0.75)]
        public void Table_matches_PyTorch(Nonlinearity nonlinearity, double expected)
        {
            Assert.Equal(expected, Gains.Calculate(nonlinearity));
        }

        [Theory]
        [InlineData(0.0, 1.4142135623730951)]
        [InlineData(0.2, 1.3867504905630728)]
        [InlineData(0.25, 1.3719886811400708)]   // PReLU's initial a = 0.25 (He et al. 2015)
        [InlineData(2.23606797749979, 0.5773502691896257)] // a = √5: PyTorch's default Linear/Conv init
        public void Leaky_relu_gain_is_sqrt_2_over_1_plus_slope_squared(double slope, double expected)
        {
            Assert.Equal(expected, Gains.Calculate(Nonlinearity.LeakyReLU, slope), 15);
        }

        [Theory]
        [InlineData(-0.1)]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        public void Invalid_slopes_are_refused(double slope)
        {
            Assert.Equal("InvalidNegativeSlope", Assert.Throws<InitArgumentException>(() => Gains.Calculate(Nonlinearity.LeakyReLU, slope)).ErrorId);
        }

        [Fact]
        public void A_slope_for_another_nonlinearity_is_refused()
        {
            Assert.Equal("NegativeSlopeNotApplicable", Assert.Throws<InitArgumentException>(() => Gains.Calculate(Nonlinearity.Tanh, 0.1)).ErrorId);
        }
    }
}
