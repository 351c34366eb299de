using System;
using System.Linq;
using KaimingTools.Simulation;

namespace KaimingTools.Tests.Simulation
{
    public class ActivationDerivativeTests
    {
        public static TheoryData<Nonlinearity> Every()
        {
            var data = new TheoryData<Nonlinearity>();
            foreach (Nonlinearity n in Enum.GetValues(typeof(Nonlinearity)))
            {
                data.Add(n);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Every))]
        public void Derivative_matches_a_central_difference_of_the_function(Nonlinearity f)
        {
            const double h = 1e-6;
            foreach (double y in new[] { -3.1, -1.2, -0.3, 0.4, 1.7, 2.9 })
            {
                double numeric = (Activation.Apply(f, 0.2, y + h) - Activation.Apply(f, 0.2, y - h)) / (2 * h);
                Assert.InRange(Math.Abs(Activation.Derivative(f, 0.2, y) - numeric), 0, 1e-7);
            }
        }

        [Fact]
        public void The_functions_are_the_ones_the_exact_gains_use()
        {
            var ys = new[] { -2.5, -0.5, 0.0, 0.75, 3.0 };
            foreach (Nonlinearity n in Enum.GetValues(typeof(Nonlinearity)))
            {
                Func<double, double> reference = Activations.For(n, 0.2);
                Assert.Equal(ys.Select(reference), ys.Select(y => Activation.Apply(n, 0.2, y)));
            }
        }
    }
}
