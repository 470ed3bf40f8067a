using Aim.Experiments.Catalog;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Bc;
using Aim.Learning.Algorithms.EnsembleDagger;
using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Algorithms.Thrifty;

namespace Aim.Tests.Experiments;

public class TaskPresetTests
{
    [Fact]
    public void DrivingMethodsShareOneBehaviourCloningLearner()
    {
        var aim = (AimOptions)MethodCatalog.Options("aim", TaskCatalog.Preset("driving", "aim"));
        var thrifty = (ThriftyOptions)MethodCatalog.Options("thrifty", TaskCatalog.Preset("driving", "thrifty"));
        var ensemble = (EnsembleDaggerOptions)MethodCatalog.Options("ensemble-dagger", TaskCatalog.Preset("driving", "ensemble-dagger"));
        var hg = (HgDaggerOptions)MethodCatalog.Options("hg-dagger", TaskCatalog.Preset("driving", "hg-dagger"));

        foreach (var learner in new[] { aim.Policy, thrifty.Policy, ensemble.Policy, hg.Policy })
        {
            Assert.Equal(3e-4, learner.LearningRate);
            Assert.Equal(256, learner.BatchSize);
            Assert.Equal(200, learner.StepsPerUpdate);
        }

        Assert.True(thrifty.Policy.Bootstrap);
        Assert.False(hg.Policy.Bootstrap);
        Assert.Equal(BetaSource.RecentRobotStates, aim.BetaSource);
        Assert.Equal(0.1, aim.Delta);
        Assert.Equal(7.2e-4, ensemble.NoveltyThreshold);
        Assert.Equal(20_000, ((BcMethodOptions)MethodCatalog.Options("bc", TaskCatalog.Preset("driving", "bc"))).Policy.InitialSteps);
    }

    [Fact]
    public void GridTasksKeepTheDefaultsAndTheUserOverridesAPreset()
    {
        Assert.Empty(TaskCatalog.Preset("multiroom-6", "aim"));
        var preset = TaskCatalog.Preset("driving", "aim").Append(new KeyValuePair<string, string>("delta", "0.2"));
        Assert.Equal(0.2, ((AimOptions)MethodCatalog.Options("aim", preset)).Delta);
    }
}
