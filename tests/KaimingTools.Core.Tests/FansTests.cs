using System;

namespace KaimingTools.Tests
{
    public class FansTests
    {
        // Expected values are what torch.nn.init._calculate_fan_in_and_fan_out returns for a tensor of
        // that shape (Torch layout), and what keras.initializers' _compute_fans returns (Keras layout).
        [Theory]
        [InlineData(new long[] { 256, 784 }, TensorLayout.Torch, 784, 256)]             // nn.Linear(784, 256).weight
        [InlineData(new long[] { 64, 3, 7, 7 }, TensorLayout.Torch, 147, 3136)]         // ResNet conv1
        [InlineData(new long[] { 128, 64, 3 }, TensorLayout.Torch, 192, 384)]           // Conv1d
        [InlineData(new long[] { 16, 8, 3, 3, 3 }, TensorLayout.Torch, 216, 432)]       // Conv3d
        [InlineData(new long[] { 64, 1, 3, 3 }, TensorLayout.Torch, 9, 576)]            // depthwise, groups = 64
        [InlineData(new long[] { 784, 256 }, TensorLayout.Keras, 784, 256)]             // Dense(256) on 784 inputs
        [InlineData(new long[] { 3, 3, 16, 32 }, TensorLayout.Keras, 144, 288)]         // Conv2D HWIO
        [InlineData(new long[] { 5, 32, 64 }, TensorLayout.Keras, 160, 320)]            // Conv1D
        [InlineData(new long[] { 16, 32, 4, 4 }, TensorLayout.TorchTranspose, 512, 256)] // ConvTranspose2d(16, 32, 4): PyTorch's numbers
        public void Fans_from_shape_match_PyTorch_and_Keras(long[] shape, TensorLayout layout, double fanIn, double fanOut)
        {
            int groups = shape[1] == 1 && layout == TensorLayout.Torch ? (int)shape[0] : 1;
            Fans fans = Fans.FromShape(shape, layout, groups);
            Assert.Equal(fanIn, fans.FanIn);
            Assert.Equal(fanOut, fans.FanOut);
        }

        [Fact]
        public void Rows_are_fan_in_only_in_the_in_out_layout()
        {
            // The same Linear layer in the two layouts: fan_in is the columns of PyTorch's (out, in)
            // weight and the rows of Keras' (in, out) kernel.
            Assert.Equal(784, Fans.FromShape(new long[] { 256, 784 }, TensorLayout.Torch).FanIn);
            Assert.Equal(784, Fans.FromShape(new long[] { 784, 256 }, TensorLayout.Keras).FanIn);
        }

        [Theory]
        [InlineData(FanMode.FanIn, 147)]
        [InlineData(FanMode.FanOut, 3136)]
        [InlineData(FanMode.FanAvg, 1641.5)]
        public void Select_picks_the_fan(FanMode mode, double expected)
        {
            Assert.Equal(expected, new Fans(147, 3136).Select(mode));
        }

        [Theory]
        [InlineData(new long[] { 5 }, "ShapeTooFewDimensions")]
        [InlineData(new long[0], "ShapeTooFewDimensions")]
        [InlineData(new long[] { 5, 0 }, "InvalidShapeDimension")]
        [InlineData(new long[] { -1, 5 }, "InvalidShapeDimension")]
        [InlineData(new long[] { 4294967296, 4294967296, 2 }, "ShapeTooLarge")]
        [InlineData(new long[] { long.MaxValue, 2 }, "ShapeTooLarge")]
        public void Bad_shapes_are_refused_with_stable_ids(long[] shape, string errorId)
        {
            var ex = Assert.Throws<InitArgumentException>(() => Fans.FromShape(shape));
            Assert.Equal(errorId, ex.ErrorId);
            Assert.Equal("Shape", ex.ParamName);
        }

        [Theory]
        [InlineData(0.0, 1.0, "InvalidFanIn")]
        [InlineData(-2.0, 1.0, "InvalidFanIn")]
        [InlineData(double.NaN, 1.0, "InvalidFanIn")]
        [InlineData(double.PositiveInfinity, 1.0, "InvalidFanIn")]
        [InlineData(1.0, 0.0, "InvalidFanOut")]
        [InlineData(1.0, double.NegativeInfinity, "InvalidFanOut")]
        public void Bad_fans_are_refused(double fanIn, double fanOut, string errorId)
        {
            Assert.Equal(errorId, Assert.Throws<InitArgumentException>(() => new Fans(fanIn, fanOut)).ErrorId);
        }

        [Theory]
        [InlineData(new long[] { 10, 3, 3, 3 }, TensorLayout.Torch, 3)]
        [InlineData(new long[] { 3, 3, 4, 10 }, TensorLayout.Keras, 4)]
        [InlineData(new long[] { 10, 4, 3, 3 }, TensorLayout.TorchTranspose, 4)]
        [InlineData(new long[] { 10, 4 }, TensorLayout.Torch, 0)]
        public void Groups_must_divide_the_channels(long[] shape, TensorLayout layout, int groups)
        {
            Assert.Equal("InvalidGroups", Assert.Throws<InitArgumentException>(() => Fans.FromShape(shape, layout, groups)).ErrorId);
        }

        [Fact]
        public void Element_count_is_the_product_of_dimensions()
        {
            Assert.Equal(64L * 3 * 7 * 7, Fans.ValidateShape(new long[] { 64, 3, 7, 7 }));
            Assert.Equal("(64, 3, 7, 7)", Fans.FormatShape(new long[] { 64, 3, 7, 7 }));
        }
    }
}
