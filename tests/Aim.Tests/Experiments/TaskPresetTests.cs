using System.Text.Json;
using Aim.Experiments.Catalog;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Bc;
using Aim.Learning.Algorithms.EnsembleDagger;
using Aim.Learning.Algorithms.HgDagger;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Learners;

namespace Aim.Tests.Experiments;

public class TaskPresetTests
{
    [Fact]
    public void DrivingMethodsShareOneBehaviourCloningLearner()
    {
        var aim = Assert.IsType<AimOptions>(TaskCatalog.Preset("driving", "aim"));
        var thrifty = Assert.IsType<ThriftyOptions>(TaskCatalog.Preset("driving", "thrifty"));
        var ensemble = Assert.IsType<EnsembleDaggerOptions>(TaskCatalog.Preset("driving", "ensemble-dagger"));
        var hg = Assert.IsType<HgDaggerOptions>(TaskCatalog.Preset("driving", "hg-dagger"));

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
        Assert.Equal(20_000, Assert.IsType<BcMethodOptions>(TaskCatalog.Preset("driving-toy", "bc")).Policy.InitialSteps);
    }

    [Fact]
    public void GridTasksKeepTheDefaultsAndTheUserOverridesAPreset()
    {
        Assert.Equal(Json(new AimOptions()), Json(TaskCatalog.Preset("multiroom-6", "aim")));
        Assert.Equal(Json(ThriftyOptions.AimCodeVariant), Json(TaskCatalog.Preset("multiroom-6", "thrifty-nocritic")));
        var aim = (AimOptions)MethodCatalog.Apply("aim", TaskCatalog.Preset("driving", "aim"), [new("delta", "0.2")]);
        Assert.Equal(0.2, aim.Delta);
        Assert.Equal(AimOptions.Driving.TdWeight, aim.TdWeight);
        Assert.Equal(0.1, AimOptions.Driving.Delta);
    }

    /// <summary>
    /// The typed driving presets hold exactly the values of the <c>key=value</c> presets they replaced, applied to each
    /// method's defaults, so every driving run keeps its numbers.
    /// </summary>
    [Theory]
    [InlineData("aim", "policy.learning_rate=3e-4 policy.batch_size=256 policy.steps_per_update=200 policy.initial_steps=2000 policy.bootstrap=true delta=0.1 td_weight=1 q_batch_size=256 beta_source=RecentRobotStates positive_label=CurrentPolicy")]
    [InlineData("thrifty", "policy.learning_rate=3e-4 policy.batch_size=256 policy.steps_per_update=200 policy.initial_steps=2000 policy.bootstrap=true")]
    [InlineData("thrifty-nocritic", "policy.learning_rate=3e-4 policy.batch_size=256 policy.steps_per_update=200 policy.initial_steps=2000 policy.bootstrap=true")]
    [InlineData("ensemble-dagger", "policy.learning_rate=3e-4 policy.batch_size=256 policy.steps_per_update=200 policy.initial_steps=2000 policy.bootstrap=true novelty_threshold=7.2e-4")]
    [InlineData("hg-dagger", "policy.learning_rate=3e-4 policy.batch_size=256 policy.steps_per_update=200 policy.initial_steps=2000 policy.bootstrap=false")]
    [InlineData("pvp", "policy.learning_rate=3e-4 policy.batch_size=256 policy.steps_per_update=200 policy.initial_steps=2000 policy.bootstrap=false")]
    [InlineData("bc", "policy.learning_rate=3e-4 policy.batch_size=256 policy.initial_steps=20000")]
    public void TypedDrivingPresetsHoldTheKeyValuePresetsTheyReplaced(string method, string settings)
    {
        var pairs = settings.Split(' ').Select(s => s.Split('=')).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1]));
        object fromStrings = MethodCatalog.Apply(method, MethodCatalog.Defaults(method), pairs);
        Assert.Equal(Json(fromStrings), Json(TaskCatalog.Preset("driving", method)));
        Assert.Equal(Json(fromStrings), Json(TaskCatalog.Preset("driving-toy", method)));
    }

    [Fact]
    public void PresetsAreNotChangedByOverrides()
    {
        _ = MethodCatalog.Apply("aim", AimOptions.Driving, [new("delta", "0.3"), new("policy.batch_size", "64")]);
        Assert.Equal(0.1, AimOptions.Driving.Delta);
        Assert.Equal(256, AimOptions.Driving.Policy.BatchSize);
        Assert.Equal(256, BcOptions.Driving.BatchSize);
    }

    // Shortest round-trip numbers: two records that serialise alike hold the same bits.
    private static string Json(object options) => JsonSerializer.Serialize(options, options.GetType());
}
