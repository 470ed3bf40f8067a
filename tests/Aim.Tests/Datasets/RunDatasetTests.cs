using Aim.Experiments.Running;
using Aim.Learning.Datasets;
using Aim.Learning.Training;
using Xunit;

namespace Aim.Tests.Datasets;

/// <summary>A run with SaveData writes its steps as a dataset; a run with Demonstrations learns from one.</summary>
public sealed class RunDatasetTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"aim-run-dataset-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void ARunsDatasetHoldsEveryStepWithWhoControlledItAndFeedsBehaviourCloning()
    {
        var options = new TrainerOptions { Seed = 3, TotalEnvSteps = 80, WarmUpSteps = 30, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false, SaveData = true };
        var spec = new RunSpec("lavacrossing-s9n1", "aim", options, new Dictionary<string, string> { ["policy.initial_steps"] = "5", ["q_initial_steps"] = "5" });
        RunResult run = ExperimentRunner.Run(spec, runsRoot: _root);
        string folder = Path.Combine(run.Directory!, "dataset");

        MinariDataset dataset = MinariDataset.Load(folder);

        Assert.Empty(MinariLayout.Check(folder));
        Assert.Equal(80, dataset.TotalSteps);
        Assert.Equal(3L, dataset.Episodes[0].Seed);
        Assert.All(dataset.Episodes.Skip(1), e => Assert.Null(e.Seed));
        Assert.True(dataset.Episodes[^1].Terminations[^1] || dataset.Episodes[^1].Truncations[^1]);
        string[] controllers = [.. dataset.Episodes.SelectMany(e => e.Infos[MinariInfoKeys.Controller].As<string>().Skip(1))];
        Assert.Equal(run.Final[MetricNames.ExpertCost], controllers.Count(c => c == MinariInfoKeys.Expert));
        Assert.Equal(30, dataset.Episodes.SelectMany(e => e.Infos[MinariInfoKeys.WarmUp].As<bool>()).Count(w => w));
        Assert.All(dataset.Episodes, e => Assert.Equal(string.Empty, e.Infos[MinariInfoKeys.Controller].As<string>()[0]));

        // Each step's next observation is the following row: the episode's observations chain.
        MinariEpisode first = dataset.Episodes[0];
        Assert.Equal((first.Steps + 1) * 588, first.Observations.Values.Length);

        var bc = new TrainerOptions { Seed = 1, TotalEnvSteps = 1, WarmUpSteps = 0, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false, Demonstrations = folder, DemonstrationSteps = 20 };
        using ITrainer trainer = Experiment.Create(new RunSpec("lavacrossing-s9n1", "bc", bc, new Dictionary<string, string> { ["policy.initial_steps"] = "5" }));
        trainer.WarmUp();
        Assert.Equal(20, trainer.Context.Human.Count);
        Assert.Equal(0, trainer.ExpertCost);
    }

    [Fact]
    public void DemonstrationsOfAnotherTaskAreRefusedNamingTheMismatch()
    {
        var options = new TrainerOptions { Seed = 1, TotalEnvSteps = 20, WarmUpSteps = 20, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false, SaveData = true };
        RunResult grid = ExperimentRunner.Run(new RunSpec("empty-5x5", "bc", options, new Dictionary<string, string> { ["policy.initial_steps"] = "5" }), runsRoot: _root);

        var driving = new TrainerOptions { Seed = 1, TotalEnvSteps = 1, WarmUpSteps = 0, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false, Demonstrations = Path.Combine(grid.Directory!, "dataset") };
        using ITrainer trainer = Experiment.Create(new RunSpec("driving-toy", "bc", driving));
        var ex = Assert.Throws<InvalidDataException>(trainer.WarmUp);

        Assert.Contains("observation space Box(uint8, shape [12, 7, 7])", ex.Message, StringComparison.Ordinal);
        Assert.Contains("dtype uint8 where float32 was expected", ex.Message, StringComparison.Ordinal);
    }
}
