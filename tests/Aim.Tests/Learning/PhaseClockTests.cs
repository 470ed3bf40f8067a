using Aim.Learning.Training;

namespace Aim.Tests.Learning;

/// <summary><see cref="PhaseClock"/> charges the time between the trainer's hooks to the phase they open.</summary>
public sealed class PhaseClockTests
{
    [Fact]
    public void TimeGoesToThePhaseTheLastHookOpened()
    {
        var clock = new PhaseClock();
        clock.OnUpdateStart();
        Thread.Sleep(120);
        clock.OnEpisodeStart(0);
        RunPhases afterUpdate = clock.Seconds;
        clock.OnEvaluationStart();
        Thread.Sleep(60);
        clock.OnEvaluation(new EvaluationPoint(new Dictionary<string, double>()));
        RunPhases after = clock.Seconds;

        Assert.InRange(afterUpdate.Learning, 0.1, 10);
        Assert.Equal(0, afterUpdate.Evaluation);
        Assert.Equal(afterUpdate.Learning, after.Learning);
        Assert.InRange(after.Evaluation, 0.05, 10);
    }

    [Fact]
    public void APhaseInProgressCountsUpToNow()
    {
        var clock = new PhaseClock();
        clock.OnUpdateStart();
        Thread.Sleep(60);
        Assert.InRange(clock.Seconds.Learning, 0.05, 10);
    }
}
