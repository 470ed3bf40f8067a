using Aim.Learning.Training;

namespace Aim.Tests.Learning;

public class SafetyCriticalRequestsTests
{
    [Fact]
    public void RatesAndMeanScoresAreKeptApartByKindOfState()
    {
        var requests = new SafetyCriticalRequests();
        requests.Record(safetyCritical: true, askedForHelp: true, score: 0.5);
        requests.Record(safetyCritical: true, askedForHelp: false, score: -0.5);
        requests.Record(safetyCritical: true, askedForHelp: true, score: double.NaN);
        requests.Record(safetyCritical: false, askedForHelp: false, score: -1.0);
        requests.Record(safetyCritical: false, askedForHelp: false, score: -0.8);
        requests.Record(safetyCritical: false, askedForHelp: true, score: 0.2);
        requests.Record(safetyCritical: false, askedForHelp: false, score: -0.6);

        var metrics = new Dictionary<string, double>();
        requests.Report(metrics);
        Assert.Equal(3, metrics[MetricNames.SafetyCriticalDecisions]);
        Assert.Equal(4, metrics[MetricNames.OtherDecisions]);
        Assert.Equal(2.0 / 3, metrics[MetricNames.RequestRateSafetyCritical], 12);
        Assert.Equal(0.25, metrics[MetricNames.RequestRateOther], 12);
        Assert.Equal(0.0, metrics[MetricNames.ScoreSafetyCritical], 12); // the NaN score is left out of the mean
        Assert.Equal(-0.55, metrics[MetricNames.ScoreOther], 12);
    }

    [Fact]
    public void NoDecisionsGiveNaNNotZero()
    {
        var metrics = new Dictionary<string, double>();
        new SafetyCriticalRequests().Report(metrics);
        Assert.Equal(0, metrics[MetricNames.SafetyCriticalDecisions]);
        Assert.True(double.IsNaN(metrics[MetricNames.RequestRateSafetyCritical]));
        Assert.True(double.IsNaN(metrics[MetricNames.ScoreOther]));
    }
}
