using System;

namespace KaimingTools.Tests
{
    public class ExactGainsTests
    {
        // 25-digit references from mpmath (40-digit tanh-sinh quadrature split at 0):
        // tests/fixtures/exact_gains_reference.py.
        [Theory]
        [InlineData(Nonlinearity.Tanh, 0.3942944903978411744164598, 1.592537419722831427770439)]
        [InlineData(Nonlinearity.Sigmoid, 0.2933790358580929627376492, 1.846228545338605412960881)]
        [InlineData(Nonlinearity.SELU, 1.0, 1.0)]
        [InlineData(Nonlinearity.ELU, 0.6449454174929238630634614, 1.245198300700706550286952)]
        [InlineData(Nonlinearity.GELU, 0.4252214825702986749185544, 1.533530441195535233767746)]
        [InlineData(Nonlinearity.GELUTanh, 0.4251937110330994511985483, 1.533580521666146918056822)]
        [InlineData(Nonlinearity.SiLU, 0.3557755198173521562307943, 1.676532470331091158604258)]
        [InlineData(Nonlinearity.Mish, 0.45234219237588277068204, 1.486847581273208102007613)]
        [InlineData(Nonlinearity.Softplus, 0.9212459088593002786772487, 1.041866835535301708043961)]
        public void Quadrature_matches_mpmath_to_1e12(Nonlinearity nonlinearity, double secondMoment, double gain)
        {
            ExactGain exact = ExactGains.Calculate(nonlinearity);
            TestMath.Close(secondMoment, exact.SecondMoment, 1e-12);
            TestMath.Close(gain, exact.Gain, 1e-12);
            Assert.True(exact.QuadratureError < 1e-12, $"error estimate {exact.QuadratureError}");
        }

        [Fact]
        public void ReLU_is_exactly_sqrt2_and_the_quadrature_agrees()
        {
            Assert.Equal(Math.Sqrt(2.0), ExactGains.Calculate(Nonlinearity.ReLU).Gain);
            TestMath.Close(Math.Sqrt(2.0), ExactGains.Calculate(Activations.ReLU).Gain, 1e-14);
        }

        [Theory]
        [InlineData(0.0)]
        [InlineData(0.01)]
        [InlineData(0.2)]
        [InlineData(1.0)]
        public void LeakyReLU_is_exactly_the_table_value_and_the_quadrature_agrees(double slope)
        {
            double expected = Math.Sqrt(2.0 / (1 + (slope * slope)));
            Assert.Equal(expected, ExactGains.Calculate(Nonlinearity.LeakyReLU, slope).Gain, 15);
            TestMath.Close(expected, ExactGains.Calculate(x => Activations.LeakyReLU(x, slope)).Gain, 1e-14);
        }

        [Fact]
        public void A_user_function_is_integrated_too_cube_has_E_15()
        {
            // E[z⁶] = 15: a smooth function with heavy growth, exact at 1e-13.
            ExactGain cube = ExactGains.Calculate(x => x * x * x, "cube");
            TestMath.Close(15.0, cube.SecondMoment, 1e-13);
            Assert.Null(cube.TableGain);
            Assert.Equal("cube", cube.Name);
        }

        [Fact]
        public void Table_values_are_kept_beside_the_exact_ones()
        {
            ExactGain tanh = ExactGains.Calculate(Nonlinearity.Tanh);
            Assert.Equal(5.0 / 3, tanh.TableGain);
            Assert.Null(ExactGains.Calculate(Nonlinearity.GELU).TableGain);
            Assert.Equal(1.0, ExactGains.Calculate(Nonlinearity.Conv2d).Gain);
        }

        [Fact]
        public void New_nonlinearities_take_their_exact_gain_in_the_initialisers()
        {
            Assert.Equal(ExactGains.Calculate(Nonlinearity.GELU).Gain, Gains.Calculate(Nonlinearity.GELU));
            Initializer init = Initializer.Kaiming(nonlinearity: Nonlinearity.SiLU);
            TestMath.Close(1.676532470331091158604258, init.Gain, 1e-12);
            // The PyTorch table keeps its values for the original nonlinearities.
            Assert.Equal(5.0 / 3, Gains.Calculate(Nonlinearity.Tanh));
            Assert.Equal(0.75, Gains.Calculate(Nonlinearity.SELU));
        }

        [Theory]
        [InlineData("swish", Nonlinearity.SiLU)]
        [InlineData("gelu_tanh", Nonlinearity.GELUTanh)]
        [InlineData("GELU", Nonlinearity.GELU)]
        [InlineData("mish", Nonlinearity.Mish)]
        public void Names_parse(string name, Nonlinearity expected) => Assert.Equal(expected, Names.ParseNonlinearity(name));

        [Fact]
        public void Refuses_non_finite_and_vanishing_activations_and_stray_slopes()
        {
            Assert.Equal("ActivationNotFinite", Assert.Throws<InitArgumentException>(() => ExactGains.Calculate(x => x > 3 ? double.NaN : x)).ErrorId);
            Assert.Equal("ActivationZero", Assert.Throws<InitArgumentException>(() => ExactGains.Calculate(_ => 0.0)).ErrorId);
            Assert.Equal("NegativeSlopeNotApplicable", Assert.Throws<InitArgumentException>(() => ExactGains.Calculate(Nonlinearity.GELU, 0.1)).ErrorId);
        }

        // mpmath, 30 digits.
        [Theory]
        [InlineData(-30.0, 9.3576229688397367794e-14, -2.8072868906519210338e-12, -2.8072868906517896862e-12, -0.99999999999990642377)]
        [InlineData(-1e-9, 0.69314718005994530954, -5.9999999967999999998e-10, -4.9999999975e-10, -9.9999999950000000017e-10)]
        [InlineData(1e-9, 0.69314718105994530954, 6.0000000031999999998e-10, 5.0000000025e-10, 1.0000000005000000002e-9)]
        [InlineData(30.0, 30.000000000000093576, 30.0, 29.999999999997192713, 10686474581523.462147)]
        public void Activations_are_accurate_at_extremes(double x, double softplus, double mish, double silu, double expm1)
        {
            TestMath.Close(softplus, Activations.Softplus(x), 1e-14);
            TestMath.Close(mish, Activations.Mish(x), 1e-13);
            TestMath.Close(silu, Activations.SiLU(x), 1e-14);
            TestMath.Close(expm1, Activations.ExpM1(x), 1e-14);
        }

        [Fact]
        public void Divergent_second_moments_are_refused()
        {
            // E[(1/z)²] = ∞: the panels around 0 never converge.
            Assert.Equal("QuadratureNotConverged", Assert.Throws<InitArgumentException>(() => ExactGains.Calculate(x => 1 / x)).ErrorId);
        }
    }
}
