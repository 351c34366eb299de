using System;
using System.Collections;
using KaimingTools.Tensors;

namespace KaimingTools.Tests.Tensors
{
    public class WeightTensorTests
    {
        [Fact]
        public void Does_not_enumerate_so_PowerShell_never_unrolls_it()
        {
            Assert.False(typeof(IEnumerable).IsAssignableFrom(typeof(WeightTensor)));
        }

        [Fact]
        public void Wraps_data_of_the_right_length_only()
        {
            var t = new WeightTensor(new float[6], new long[] { 2, 3 });
            Assert.Equal(TensorElementType.Single, t.ElementType);
            Assert.Equal(6, t.Count);
            Assert.Throws<ArgumentException>(() => new WeightTensor(new float[5], new long[] { 2, 3 }));
            Assert.Throws<ArgumentException>(() => new WeightTensor(new int[6], new long[] { 2, 3 }));
        }

        [Fact]
        public void Summary_describes_the_data()
        {
            var t = new WeightTensor(new double[] { 1, 2, 3, 4 }, new long[] { 2, 2 });
            Assert.Equal(2.5, t.Summary.Mean);
            Assert.Equal(5.0 / 3, t.Summary.Variance, 15);
            Assert.Equal(1, t.Summary.Min);
            Assert.Equal(4, t.Summary.Max);
            // Population moments: m2 = 1.25, m4 = 2.5625 → 2.5625/1.5625 − 3 = −1.36.
            Assert.Equal(-1.36, t.Summary.ExcessKurtosis, 14);
            Assert.Equal(new[] { 1.0, 2, 3, 4 }, new WeightTensor(new float[] { 1, 2, 3, 4 }, new long[] { 1, 4 }).ToDoubleArray());
        }

        [Theory]
        [InlineData(1023L, "1023 B")]
        [InlineData(1536L, "1.5 KiB")]
        [InlineData(17179869184L, "16 GiB")]
        public void Sizes_read_naturally(long bytes, string expected)
        {
            Assert.Equal(expected, MemoryLimits.FormatBytes(bytes));
        }

        [Fact]
        public void More_elements_than_an_array_holds_are_refused()
        {
            var ex = Assert.Throws<InitArgumentException>(() => MemoryLimits.EnsureCanAllocate(MemoryLimits.MaxElements + 1, TensorElementType.Single));
            Assert.Equal("TensorTooLarge", ex.ErrorId);
            MemoryLimits.EnsureCanAllocate(1000, TensorElementType.Double);
        }
    }
}
