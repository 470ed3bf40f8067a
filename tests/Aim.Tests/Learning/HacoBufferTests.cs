using Aim.Core.Random;
using Aim.Learning.Data;

namespace Aim.Tests.Learning;

public class HacoBufferTests
{
    private static void AddValue(HacoBuffer buffer, float v, bool intervention = false) =>
        buffer.Add(new[] { v, v }, new[] { v + 0.5f, v + 0.5f }, new[] { v }, new[] { -v }, intervention, false, intervention ? 1f : 0f, false, false);

    [Fact]
    public void WrapsAroundKeepingTheNewestAndSamplesOnlyValidSlots()
    {
        var buffer = new HacoBuffer(capacity: 4, observationSize: 2, actionSize: 1);
        for (int i = 0; i < 6; i++)
        {
            AddValue(buffer, i, intervention: i % 2 == 0);
        }

        Assert.Equal(4, buffer.Count);
        Assert.Equal(6, buffer.TotalAdded);
        // Oldest valid is 2, newest is 5.
        Assert.Equal(2f, buffer.Observation(buffer.SlotOf(0))[0]);
        Assert.Equal(5f, buffer.Observation(buffer.SlotOf(3))[0]);
        Assert.Equal(-5f, buffer.BehaviourAction(buffer.SlotOf(3))[0]);
        Assert.True(buffer.Intervention(buffer.SlotOf(0)));

        var slots = new int[1000];
        buffer.SampleSlots(new Rng(1), slots);
        var seen = slots.Select(s => buffer.Observation(s)[0]).ToHashSet();
        Assert.Equal(new HashSet<float> { 2, 3, 4, 5 }, seen);
    }

    [Fact]
    public void PartiallyFilledBufferSamplesOnlyWrittenSlots()
    {
        var buffer = new HacoBuffer(10, 2, 1);
        AddValue(buffer, 7);
        AddValue(buffer, 8);
        var slots = new int[200];
        buffer.SampleSlots(new Rng(2), slots);
        Assert.All(slots, s => Assert.InRange(buffer.Observation(s)[0], 7f, 8f));
    }

    [Fact]
    public void GatherCopiesFieldsAndFlagsAsMasks()
    {
        var buffer = new HacoBuffer(4, 2, 1);
        AddValue(buffer, 1, intervention: true);
        AddValue(buffer, 2);
        var batch = new Batch(2, 2, 1);
        buffer.Gather(new[] { 1, 0 }, batch);
        Assert.Equal(new[] { 2f, 2f, 1f, 1f }, batch.Observations);
        Assert.Equal(new[] { 2.5f, 2.5f, 1.5f, 1.5f }, batch.NextObservations);
        Assert.Equal(new[] { 0f, 1f }, batch.Interventions);
        Assert.Equal(new[] { -2f, -1f }, batch.BehaviourActions);
    }

    [Fact]
    public void RejectsWrongShapesAndEmptySampling()
    {
        var buffer = new HacoBuffer(4, 2, 1);
        var e = Assert.Throws<ArgumentException>(() => buffer.Add(new float[3], new float[2], new float[1], new float[1], false, false, 0, false, false));
        Assert.Contains("3", e.Message);
        Assert.Throws<InvalidOperationException>(() => buffer.SampleSlots(new Rng(0), new int[2]));
    }
}
