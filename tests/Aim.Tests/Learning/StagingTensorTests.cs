using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

public class StagingTensorTests
{
    [Fact]
    public void StagesRowsAndReusesTheStorageForEveryCount()
    {
        TorchRuntime.Initialize();
        using var staging = new StagingTensor(width: 2);
        float[] values = Enumerable.Range(0, 10).Select(i => (float)i).ToArray();

        Tensor five;
        using (StagedTensor staged = staging.Stage(values, 5))
        {
            five = staged.Tensor;
            Assert.Equal(new long[] { 5, 2 }, five.shape);
            Assert.Equal(values, five.FloatSpan().ToArray());
        }

        using (StagedTensor staged = staging.Stage(values.AsSpan(4), 3))
        {
            Assert.Equal(new long[] { 3, 2 }, staged.Tensor.shape);
            Assert.True(staged.Tensor.is_contiguous());
            Assert.Equal(new[] { 4f, 5, 6, 7, 8, 9 }, staged.Tensor.FloatSpan().ToArray());
        }

        // The same count gets the same tensor back (nothing allocated), now holding the new values.
        using (StagedTensor staged = staging.Stage(Enumerable.Reverse(values).ToArray(), 5))
        {
            Assert.Same(five, staged.Tensor);
            Assert.Equal(9f, staged.Tensor.FloatSpan()[0]);
        }

        Assert.Throws<ArgumentException>(() => staging.Stage(values, 6));
    }

    [Fact]
    public void ACallWhileTheStorageIsInUseGetsATensorOfItsOwn()
    {
        TorchRuntime.Initialize();
        using var staging = new StagingTensor(width: 1);
        using StagedTensor first = staging.Stage(new[] { 1f }, 1);
        using (StagedTensor second = staging.Stage(new[] { 2f }, 1))
        {
            Assert.NotSame(first.Tensor, second.Tensor);
            Assert.Equal(2f, second.Tensor.FloatSpan()[0]);
        }

        Assert.Equal(1f, first.Tensor.FloatSpan()[0]);
    }

    [Fact]
    public void StagedTensorsSurviveTheCallersDisposeScope()
    {
        TorchRuntime.Initialize();
        using var staging = new StagingTensor(width: 3);
        Tensor staged;
        using (NewDisposeScope())
        {
            using StagedTensor input = staging.Stage(new[] { 1f, 2, 3 }, 1);
            staged = input.Tensor;
            _ = input.Tensor.sum().item<float>();
        }

        Assert.False(staged.IsInvalid);
        Assert.Equal(new[] { 1f, 2, 3 }, staged.FloatSpan().ToArray());
    }

    [Fact]
    public void FromSpanCopiesIntoANewTensor()
    {
        TorchRuntime.Initialize();
        using Tensor t = TensorMemory.FromSpan(new[] { 1f, 2, 3, 4, 5 }, rows: 2, width: 2);
        Assert.Equal(new long[] { 2, 2 }, t.shape);
        Assert.Equal(new[] { 1f, 2, 3, 4 }, t.FloatSpan().ToArray());
        Assert.Throws<ArgumentException>(() => TensorMemory.FromSpan(new[] { 1f }, 1, 2));
        using Tensor longs = zeros(2, dtype: ScalarType.Int64);
        Assert.Throws<ArgumentException>(() => longs.FloatSpan());
    }
}
