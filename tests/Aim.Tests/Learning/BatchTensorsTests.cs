using Aim.Core.Random;
using Aim.Learning.Data;
using Aim.Learning.Torch;
using static TorchSharp.torch;

namespace Aim.Tests.Learning;

public class BatchTensorsTests
{
    private static HacoBuffer Filled(int count, int capacity)
    {
        var buffer = new HacoBuffer(capacity, observationSize: 3, actionSize: 1);
        for (int i = 0; i < count; i++)
        {
            float v = i + 1;
            buffer.Add(
                new[] { v, v + 0.25f, v + 0.5f },
                new[] { -v, -v - 0.25f, -v - 0.5f },
                new[] { (float)(i % 7) },
                new[] { (float)((i + 3) % 7) },
                intervention: i % 2 == 0,
                interventionStart: i % 4 == 0,
                cost: 1,
                terminated: i % 3 == 0,
                truncated: i % 5 == 0,
                success: i % 6 == 0);
        }

        return buffer;
    }

    [Fact]
    public void GatherWritesTheValuesOfTheArrayBatchIntoTheTensors()
    {
        TorchRuntime.Initialize();
        HacoBuffer buffer = Filled(count: 12, capacity: 9);
        var slots = new int[6];
        buffer.SampleSlots(new Rng(4), slots);
        var expected = new Batch(8, 3, 1);
        buffer.Gather(slots, expected, offset: 2);
        BatchFields all = (BatchFields)((1 << 10) - 1);
        using var tensors = new BatchTensors(8, 3, 1, all);
        buffer.Gather(slots, tensors, offset: 2);

        Assert.Equal(new long[] { 8, 3 }, tensors.Observations.shape);
        Assert.Equal(new long[] { 8 }, tensors.Terminated.shape);
        Assert.Equal(expected.Observations.AsSpan(6).ToArray(), tensors.Observations.FloatSpan()[6..].ToArray());
        Assert.Equal(expected.NextObservations.AsSpan(6).ToArray(), tensors.NextObservations.FloatSpan()[6..].ToArray());
        Assert.Equal(expected.NoviceActions.AsSpan(2).ToArray(), tensors.NoviceActions.FloatSpan()[2..].ToArray());
        Assert.Equal(expected.BehaviourActions.AsSpan(2).ToArray(), tensors.BehaviourActions.FloatSpan()[2..].ToArray());
        Assert.Equal(expected.BehaviourActions.AsSpan(2).ToArray().Select(a => (long)a), tensors.BehaviourLabels.Int64Span()[2..].ToArray());
        Assert.Equal(expected.Interventions.AsSpan(2).ToArray(), tensors.Interventions.FloatSpan()[2..].ToArray());
        Assert.Equal(expected.InterventionStarts.AsSpan(2).ToArray(), tensors.InterventionStarts.FloatSpan()[2..].ToArray());
        Assert.Equal(expected.Terminated.AsSpan(2).ToArray(), tensors.Terminated.FloatSpan()[2..].ToArray());
        Assert.Equal(expected.Truncated.AsSpan(2).ToArray(), tensors.Truncated.FloatSpan()[2..].ToArray());
        Assert.Equal(expected.Successes.AsSpan(2).ToArray(), tensors.Successes.FloatSpan()[2..].ToArray());
    }

    [Fact]
    public void CopyFromAndGatherRangeFillOnlyTheHeldParts()
    {
        TorchRuntime.Initialize();
        HacoBuffer buffer = Filled(count: 12, capacity: 9);
        var batch = new Batch(4, 3, 1);
        buffer.Gather(Enumerable.Range(5, 4).Select(buffer.SlotOf).ToArray(), batch);
        using var copied = new BatchTensors(4, 3, 1, BatchFields.Observations | BatchFields.BehaviourLabels);
        copied.CopyFrom(batch);
        using var ranged = new BatchTensors(4, 3, 1, BatchFields.Observations | BatchFields.BehaviourLabels);
        buffer.GatherRange(5, 4, ranged);

        Assert.Equal(batch.Observations, copied.Observations.FloatSpan().ToArray());
        Assert.Equal(batch.Observations, ranged.Observations.FloatSpan().ToArray());
        Assert.Equal(batch.BehaviourActions.Select(a => (long)a), ranged.BehaviourLabels.Int64Span().ToArray());
        Assert.Equal(batch.BehaviourActions.Select(a => (long)a), copied.BehaviourLabels.Int64Span().ToArray());
        var e = Assert.Throws<InvalidOperationException>(() => copied.NextObservations);
        Assert.Contains("NextObservations", e.Message);
    }

    [Fact]
    public void TensorsStayOutOfDisposeScopesAndRejectMisfits()
    {
        TorchRuntime.Initialize();
        HacoBuffer buffer = Filled(count: 4, capacity: 4);
        BatchTensors tensors;
        using (NewDisposeScope())
        {
            tensors = new BatchTensors(2, 3, 1, BatchFields.Observations);
        }

        using (tensors)
        {
            buffer.Gather(new[] { 0, 1 }, tensors);
            Assert.Equal(6, tensors.Observations.FloatSpan().Length);
            Assert.Throws<ArgumentException>(() => buffer.Gather(new[] { 0, 1 }, tensors, offset: 1));
            Assert.Throws<ArgumentException>(() => new HacoBuffer(4, 2, 1).Gather(new[] { 0 }, tensors));
            Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GatherRange(3, 2, tensors));
        }

        Assert.Throws<ArgumentException>(() => new BatchTensors(2, 3, 2, BatchFields.BehaviourLabels));
    }
}
