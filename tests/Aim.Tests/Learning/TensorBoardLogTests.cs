using Aim.Experiments.Running;
using Aim.Learning.Logging;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using Tensorboard;

namespace Aim.Tests.Learning;

[Collection(SerialRuns.Name)]
public class TensorBoardLogTests
{
    [Fact]
    public void RunWritesEveryEvaluationMetricAndEpisodeAsTensorBoardScalars()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-tb-{Guid.NewGuid():N}");
        try
        {
            var trainer = new TrainerOptions { Seed = 1, TotalEnvSteps = 120, WarmUpSteps = 40, EvalEvery = 40, EvalEpisodes = 2, LogSteps = false, TensorBoard = true };
            var spec = new RunSpec("empty-5x5", "aim", trainer, new Dictionary<string, string> { ["policy.initial_steps"] = "20", ["q_initial_steps"] = "5" });
            RunResult result = ExperimentRunner.Run(spec, runsRoot: root);

            string file = Assert.Single(Directory.GetFiles(Path.Combine(result.Directory!, "tensorboard"), "events.out.tfevents.*"));
            Event[] events = ReadEvents(file);
            Assert.Equal("brain.Event:2", events[0].FileVersion);
            var scalars = events.Where(e => e.Summary is not null)
                .SelectMany(e => e.Summary.Value.Select(v => (e.Step, v.Tag, Value: v.SimpleValue)))
                .ToArray();

            // One eval/success point per evaluation, at the evaluation's environment step, with its value.
            var success = scalars.Where(s => s.Tag == MetricNames.EvalSuccess).ToArray();
            Assert.Equal(result.History.Select(p => (long)p.EnvSteps), success.Select(s => s.Step));
            Assert.Equal(result.History.Select(p => (float)p.Success), success.Select(s => s.Value));
            Assert.Contains(scalars, s => s.Tag == TensorBoardLog.Tag(MetricNames.ExpertCost) && s.Tag == "run/expert_cost");
            Assert.DoesNotContain(scalars, s => s.Tag == TensorBoardLog.Tag(MetricNames.EnvSteps));

            // Every finished training episode, from metrics to episodes.csv.
            int episodes = File.ReadAllLines(Path.Combine(result.Directory!, "episodes.csv")).Length - 1;
            Assert.Equal(episodes, scalars.Count(s => s.Tag == "episode/return"));
            Assert.All(events.Skip(1), e => Assert.InRange(e.WallTime, 1.6e9, 4e9));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    [Fact]
    public void WithoutTheOptionNoEventFileIsWritten()
    {
        string root = Path.Combine(Path.GetTempPath(), $"aim-tb-{Guid.NewGuid():N}");
        try
        {
            var trainer = new TrainerOptions { Seed = 1, TotalEnvSteps = 60, WarmUpSteps = 40, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false };
            RunResult result = ExperimentRunner.Run(new RunSpec("empty-5x5", "bc", trainer), runsRoot: root);
            Assert.False(Directory.Exists(Path.Combine(result.Directory!, "tensorboard")));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    /// <summary>The TFRecord framing: 8-byte length, 4-byte length CRC, the Event, 4-byte data CRC.</summary>
    private static Event[] ReadEvents(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        int at = 0;
        while (at < bytes.Length)
        {
            int length = checked((int)BitConverter.ToInt64(bytes, at));
            events.Add(Event.Parser.ParseFrom(bytes, at + 12, length));
            at += 12 + length + 4;
        }

        return events.ToArray();
    }
}
