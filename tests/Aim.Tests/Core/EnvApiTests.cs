using Aim.Core.Checking;
using Aim.Core.Envs;
using Aim.Core.Wrappers;
using Aim.Tests.TestSupport;

namespace Aim.Tests.Core;

public class EnvApiTests
{
    [Fact]
    public void CheckerPassesAWellBehavedEnv()
    {
        EnvChecker.Check<float[], int>(() => new CorridorEnv(), seed: 3);
        EnvChecker.Check<float[], int>(() => new TimeLimit<float[], int>(new CorridorEnv(), 5), seed: 4);
    }

    [Fact]
    public void CheckerCatchesNonDeterministicReset()
    {
        var e = Assert.Throws<EnvCheckException>(() => EnvChecker.Check<float[], int>(() => new CorridorEnv(length: 50, breakResetDeterminism: true), seed: 1));
        Assert.Contains(e.Problems, p => p.Contains("Reset(seed: 1) twice"));
    }

    [Fact]
    public void TimeLimitTruncatesAndKeepsTermination()
    {
        var env = new TimeLimit<float[], int>(new CorridorEnv(length: 100), 3);
        env.Reset(0);
        Assert.False(env.Step(0).Truncated);
        Assert.False(env.Step(0).Truncated);
        StepResult<float[]> third = env.Step(0);
        Assert.True(third.Truncated);
        Assert.False(third.Terminated);
        Assert.True(third.Done);
        env.Reset();
        Assert.Equal(0, env.ElapsedSteps);
    }

    [Fact]
    public void TimeLimitRejectsNonPositiveLimitAndStepBeforeReset()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new TimeLimit<float[], int>(new CorridorEnv(), 0));
        Assert.Contains("positive", e.Message);
        Assert.Throws<InvalidOperationException>(() => new TimeLimit<float[], int>(new CorridorEnv(), 2).Step(1));
    }

    [Fact]
    public void SeededResetIsReproducibleAndUnseededContinuesTheStream()
    {
        var a = new CorridorEnv(length: 1000);
        var b = new CorridorEnv(length: 1000);
        var first = new List<float> { a.Reset(9).Observation[0] };
        var second = new List<float> { b.Reset(9).Observation[0] };
        for (int i = 0; i < 5; i++)
        {
            first.Add(a.Reset().Observation[0]);
            second.Add(b.Reset().Observation[0]);
        }

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 1);
    }
}
