using Aim.Experiments.Running;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning;

[Collection(SerialRuns.Name)]
public class TrainingObserverTests
{
    [Fact]
    public void ObserverHearsEveryStepEpisodeAndEvaluationInOrder()
    {
        var options = new TrainerOptions { Seed = 4, TotalEnvSteps = 150, WarmUpSteps = 50, EvalEvery = 50, EvalEpisodes = 2, LogSteps = false };
        var overrides = new Dictionary<string, string> { ["policy.initial_steps"] = "20", ["risk_initial_steps"] = "5" };
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("empty-6x6", "thrifty", options, overrides);
        var observer = new CountingObserver();
        trainer.AddObserver(observer);
        var reported = new List<EvaluationPoint>();
        trainer.AddObserver(new EvaluationProgress(reported.Add));
        IReadOnlyList<EvaluationPoint> history = trainer.Train();

        Assert.Equal(Enumerable.Range(1, 150).Select(i => (long)i), observer.EnvSteps);
        Assert.Equal(50, observer.WarmUpSteps);
        Assert.Equal(trainer.ExpertCost, observer.ExpertSteps);
        Assert.Equal(trainer.SwitchesToHuman, observer.Requests);
        Assert.Equal(trainer.Episodes, observer.Ended.Count);
        Assert.Equal(Enumerable.Range(0, trainer.Episodes), observer.Ended.Select(e => e.Episode));
        Assert.Equal(observer.Started.Take(trainer.Episodes), observer.Ended.Select(e => e.Episode));
        Assert.Equal(150, observer.Ended.Sum(e => e.Length) + observer.StepsSinceLastEnd);
        Assert.Equal(history, observer.Evaluations);
        Assert.Equal(history, reported);

        // Thrifty's robot-mode decisions compare novelty (or risk) with a threshold the observer sees.
        Assert.All(observer.RobotDecisions, d => Assert.True(double.IsFinite(d.Threshold), d.Reason));
    }

    [Fact]
    public void RemovedObserverHearsNothingMore()
    {
        var options = new TrainerOptions { Seed = 1, TotalEnvSteps = 40, WarmUpSteps = 20, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false };
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("empty-5x5", "hg-dagger", options);
        var observer = new CountingObserver();
        trainer.AddObserver(observer);
        trainer.WarmUp();
        Assert.True(trainer.RemoveObserver(observer));
        trainer.CollectSteps(10);
        Assert.Equal(20, observer.EnvSteps.Count);
        Assert.False(trainer.RemoveObserver(observer));
        Assert.Throws<ArgumentNullException>(() => trainer.AddObserver(null!));
    }

    [Fact]
    public void EachStepCarriesTheDecisionHeardBeforeIt()
    {
        var options = new TrainerOptions { Seed = 2, TotalEnvSteps = 80, WarmUpSteps = 20, EvalEvery = 0, EvalEpisodes = 1, LogSteps = false };
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("empty-5x5", "hg-dagger", options);
        var observer = new DecisionPairs();
        trainer.AddObserver(observer);
        trainer.Train();

        Assert.Equal(80, observer.Steps.Count);
        Assert.Equal(observer.Decisions, observer.Steps);
    }

    /// <summary>What each decision and each step's carried decision said, in order.</summary>
    private sealed class DecisionPairs : ITrainingObserver
    {
        public List<string> Decisions { get; } = new();

        public List<string> Steps { get; } = new();

        public void OnDecision(in TrainingDecision decision) => Decisions.Add(Describe(decision));

        public void OnStep(in TrainingStep step) => Steps.Add(Describe(step.Announced));

        private static string Describe(in TrainingDecision d) =>
            $"{d.EnvStep} {d.Episode} {d.IsWarmUp} {d.Pose} {d.Previous} {d.Decision} {string.Join(' ', d.RobotAction.ToArray())} {d.AsksForHelp}";
    }

    private sealed class CountingObserver : ITrainingObserver
    {
        public List<long> EnvSteps { get; } = new();

        public List<int> Started { get; } = new();

        public List<EpisodeEnd> Ended { get; } = new();

        public List<EvaluationPoint> Evaluations { get; } = new();

        public List<GateDecision> RobotDecisions { get; } = new();

        public int WarmUpSteps { get; private set; }

        public long ExpertSteps { get; private set; }

        public long Requests { get; private set; }

        public int StepsSinceLastEnd { get; private set; }

        public void OnEpisodeStart(int episode) => Started.Add(episode);

        public void OnStep(in TrainingStep step)
        {
            EnvSteps.Add(step.EnvStep);
            WarmUpSteps += step.IsWarmUp ? 1 : 0;
            ExpertSteps += step.Controller == Controller.Expert ? 1 : 0;
            Requests += step.AskedForHelp ? 1 : 0;
            StepsSinceLastEnd = step.Done ? 0 : StepsSinceLastEnd + 1;
            if (!step.IsWarmUp && step.Previous == Controller.Robot)
            {
                RobotDecisions.Add(step.Decision);
            }
        }

        public void OnEpisodeEnd(in EpisodeEnd episode) => Ended.Add(episode);

        public void OnEvaluation(EvaluationPoint point) => Evaluations.Add(point);
    }
}
