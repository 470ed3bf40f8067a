using Aim.Experiments.Running;
using Aim.Learning.Logging;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using Aim.Tests.TestSupport;

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
            double started = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;
            RunResult result = ExperimentRunner.Run(spec, runsRoot: root);
            double ended = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalSeconds;

            // TensorBoard's naming: events.out.tfevents.{unix seconds}.{host}…, the seconds those of the run's start.
            string file = Assert.Single(Directory.GetFiles(Path.Combine(result.Directory!, "tensorboard"), "events.out.tfevents.*"));
            var name = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(file), @"^events\.out\.tfevents\.(\d{10})\.(.+)\.\d+\.\d+$");
            Assert.True(name.Success, file);
            Assert.InRange(long.Parse(name.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), (long)started - 1, (long)ended + 1);
            Assert.Equal(System.Net.Dns.GetHostName(), name.Groups[2].Value);

            TensorBoardEvent[] events = TensorBoardEventReader.Read(file);
            Assert.Equal("brain.Event:2", events[0].FileVersion);
            Assert.Null(events[0].Tag);

            // Every event, the first included, is stamped in Unix seconds during the run (.NET ticks would be ~6e17).
            Assert.All(events, e => Assert.InRange(e.WallTime, started - 1, ended + 1));
            Assert.True(events.Zip(events.Skip(1)).All(p => p.First.WallTime <= p.Second.WallTime), "wall times go forward");
            var scalars = events.Skip(1).Select(e => (e.Step, Tag: e.Tag!, Value: e.Value!.Value)).ToArray();
            Assert.All(events.Skip(1), e => Assert.Null(e.FileVersion));

            // One eval/success point per evaluation, at the evaluation's environment step, with its value.
            var success = scalars.Where(s => s.Tag == MetricNames.EvalSuccess).ToArray();
            Assert.Equal(result.History.Select(p => (long)p.EnvSteps), success.Select(s => s.Step));
            Assert.Equal(result.History.Select(p => (float)p.Success), success.Select(s => s.Value));
            var cost = scalars.Where(s => s.Tag == "run/expert_cost").ToArray();
            Assert.Equal(result.History.Select(p => (float)p[MetricNames.ExpertCost]), cost.Select(s => s.Value));
            Assert.Equal("run/expert_cost", TensorBoardLog.Tag(MetricNames.ExpertCost));
            Assert.DoesNotContain(scalars, s => s.Tag == TensorBoardLog.Tag(MetricNames.EnvSteps));

            // Every finished training episode, as episodes.csv has it: episode,length,return,success,expert_steps,env_steps.
            string[][] rows = File.ReadAllLines(Path.Combine(result.Directory!, "episodes.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
            var returns = scalars.Where(s => s.Tag == "episode/return").ToArray();
            Assert.Equal(rows.Length, returns.Length);
            Assert.Equal(rows.Select(r => long.Parse(r[5], System.Globalization.CultureInfo.InvariantCulture)), returns.Select(s => s.Step));
            Assert.Equal(rows.Select(r => (float)double.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)), returns.Select(s => s.Value));
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

    [Fact]
    public void Crc32CMatchesTheStandardCheckValueAndTheBitwiseReference()
    {
        // The CRC-32C check value: CRC of the ASCII digits 1 to 9.
        Assert.Equal(0xE3069283u, TensorBoardEventFile.Crc32C("123456789"u8));
        byte[] data = Enumerable.Range(0, 1000).Select(i => (byte)(i * 37 + 11)).ToArray();
        for (int length = 0; length < 40; length++)
        {
            Assert.Equal(TensorBoardEventReader.Masked(data.AsSpan(0, length)), TensorBoardEventFile.MaskedCrc32C(data.AsSpan(0, length)));
        }

        Assert.Equal(TensorBoardEventReader.Masked(data), TensorBoardEventFile.MaskedCrc32C(data));
    }
}
