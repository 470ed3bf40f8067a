using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Tests.TestSupport;

internal static class RunAssertions
{
    /// <summary>Asserts two runs logged the same evaluations with identical metrics (wall-clock time aside).</summary>
    internal static void SameMetrics(RunResult a, RunResult b)
    {
        Assert.Equal(a.History.Count, b.History.Count);
        for (int i = 0; i < a.History.Count; i++)
        {
            foreach ((string key, double value) in a.History[i].Metrics)
            {
                if (key != MetricNames.TimeSeconds)
                {
                    Assert.True(value.Equals(b.History[i][key]), $"{key} differs at evaluation {i}: {value} vs {b.History[i][key]}");
                }
            }
        }
    }
}
