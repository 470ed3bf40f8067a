using Aim.Envs.Driving.Metrics;

namespace Aim.Tests.Envs.Driving;

public class SafetyCriticalTests
{
    [Fact]
    public void HardSteeringOrBrakingIsSafetyCritical()
    {
        Assert.True(SafetyCritical.IsSafetyCritical([0.7f, 0f]));      // 0.245 > 0.2
        Assert.False(SafetyCritical.IsSafetyCritical([0.6f, 0.1f]));   // 0.185
        Assert.True(SafetyCritical.IsSafetyCritical([0f, -1f]));
        Assert.False(SafetyCritical.IsSafetyCritical([0.1f, 0.5f]));   // 0.13
        Assert.True(SafetyCritical.IsSafetyCritical([0.1f, 0.5f], threshold: 0.1));
    }

    [Fact]
    public void MissNeedsACriticalStateAndALargeDeviation()
    {
        float[] expert = [0f, -1f];
        Assert.True(SafetyCritical.IsMiss([0f, -0.5f], expert));       // deviation 0.125
        Assert.False(SafetyCritical.IsMiss([0f, -0.6f], expert));      // 0.08
        Assert.False(SafetyCritical.IsMiss([1f, 1f], [0.1f, 0.5f]));   // far off, but not a critical state
        Assert.True(SafetyCritical.IsMiss([0f, -0.6f], expert, deviationThreshold: 0.05));
    }

    [Fact]
    public void MismatchedOrEmptyActionsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => SafetyCritical.IsMiss([0f], [0f, 1f]));
        Assert.Contains("1", e.Message);
        Assert.Throws<ArgumentException>(() => SafetyCritical.IsSafetyCritical([]));
    }
}
