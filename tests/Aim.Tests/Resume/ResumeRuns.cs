using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Tests.Resume;

/// <summary>Short runs that write resume points early, stopped like a killed process, and comparisons of their logs.</summary>
internal static class ResumeRuns
{
    /// <summary>A few hundred steps with frequent evaluations, so resume points come early; small gradient budgets.</summary>
    public static RunSpec Spec(string task, string method)
    {
        var settings = new Dictionary<string, string>
        {
            // Driving episodes run longer: more steps, so that some end after the first evaluation.
            ["total_env_steps"] = TaskCatalog.IsDriving(task) ? "900" : "320",
            ["warm_up_steps"] = "40",
            ["update_every"] = "20",
            ["eval_every"] = "60",
            ["eval_episodes"] = "2",
            ["log_steps"] = "true",
        };
        IReadOnlyList<string> keys = MethodCatalog.OptionKeys(method);
        foreach ((string key, string value) in new Dictionary<string, string>
        {
            ["policy.initial_steps"] = "20",
            ["policy.steps_per_update"] = "5",
            ["q_initial_steps"] = "20",
            ["q_steps_per_update"] = "5",
            ["risk_initial_steps"] = "20",
            ["risk_steps_per_update"] = "5",
            ["proxy_value.initial_steps"] = "20",
            ["proxy_value.steps_per_update"] = "5",
        })
        {
            if (keys.Contains(key))
            {
                settings[key] = value;
            }
        }

        return RunSettings.Build(task, method, seed: 3, settings);
    }

    /// <summary>
    /// Runs <paramref name="spec"/> in a new run directory under <paramref name="root"/> and stops it with an exception
    /// <paramref name="stepsAfterResumePoint"/> steps after its first resume point appeared, leaving the logs as they
    /// were (rows past the resume point included). Returns the run directory.
    /// </summary>
    public static string Kill(RunSpec spec, string root, int stepsAfterResumePoint)
    {
        string directory = UniqueFolder.Create(root, "killed");
        ExperimentRunner.WriteOptions(directory, spec);
        string state = Path.Combine(directory, InteractiveTrainer<byte[], int>.ResumeFileName);
        using (ITrainer trainer = Experiment.Create(spec, directory))
        {
            var killer = new Killer(state, stepsAfterResumePoint);
            trainer.AddObserver(killer);
            Assert.Throws<Killer.Killed>(() => trainer.Train());
        }

        Assert.True(File.Exists(state), $"no resume point in {directory}");
        return directory;
    }

    /// <summary>Asserts that the two runs' steps.csv and episodes.csv are byte-identical and metrics.csv is, wall time aside.</summary>
    public static void SameLogs(string expected, string actual)
    {
        Assert.Equal(File.ReadAllText(Path.Combine(expected, "steps.csv")), File.ReadAllText(Path.Combine(actual, "steps.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(expected, "episodes.csv")), File.ReadAllText(Path.Combine(actual, "episodes.csv")));
        Assert.Equal(WithoutTime(Path.Combine(expected, "metrics.csv")), WithoutTime(Path.Combine(actual, "metrics.csv")));
    }

    private static string[][] WithoutTime(string path)
    {
        string[][] rows = File.ReadAllLines(path).Select(l => l.Split(',')).ToArray();
        int time = Array.IndexOf(rows[0], MetricNames.TimeSeconds);
        return rows.Select(r => r.Where((_, i) => i != time).ToArray()).ToArray();
    }

    /// <summary>Throws from inside the run once it has gone on a given number of steps past its first resume point.</summary>
    private sealed class Killer(string state, int stepsAfter) : ITrainingObserver
    {
        private long _resumePointStep = -1;

        public void OnStep(in TrainingStep step)
        {
            if (_resumePointStep < 0 && File.Exists(state))
            {
                _resumePointStep = step.EnvStep;
            }

            if (_resumePointStep >= 0 && step.EnvStep >= _resumePointStep + stepsAfter)
            {
                throw new Killed();
            }
        }

        public sealed class Killed : Exception;
    }
}
