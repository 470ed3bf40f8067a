using Aim.Core.Experts;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Running;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning;

/// <summary>A run asked to stop (by an observer, or by a person who leaves) ends early, keeping what was done.</summary>
[Collection(SerialRuns.Name)]
public sealed class ObserverStopTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aim-stop-" + Guid.NewGuid().ToString("N"));

    private static TrainerOptions Options => new() { Seed = 3, TotalEnvSteps = 400, WarmUpSteps = 20, EvalEvery = 0, EvalEpisodes = 1 };

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void AnObserverThatStopsAtStepNEndsTheRunAfterNStepsWithWhatWasDoneKept()
    {
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("empty-6x6", "hg-dagger", Options, runDirectory: _root);
        var observer = new Stopper(trainer, stopAfterStep: 60);
        trainer.AddObserver(observer);
        IReadOnlyList<EvaluationPoint> history = trainer.Train();

        Assert.True(trainer.StopRequested);
        Assert.False(trainer.IsFinished);
        Assert.Equal(60, trainer.EnvSteps);
        Assert.Equal(60, observer.Steps);
        Assert.Equal(60, trainer.Context.Human.TotalAdded + trainer.Context.Agent.TotalAdded);

        // Ended as a finished run ends: evaluated at the last step taken, with the final checkpoint and every step logged.
        Assert.Equal(60, history[^1].EnvSteps);
        Assert.True(Directory.Exists(Path.Combine(_root, "checkpoints", "final")));
        Assert.Equal(61, File.ReadAllLines(Path.Combine(_root, "steps.csv")).Length);

        // The request stays: later phases take no step.
        Assert.Equal(0, trainer.CollectSteps(10));
        Assert.Equal(60, trainer.EnvSteps);
    }

    [Fact]
    public void AStopRequestedDuringTheDecisionLeavesThatStepUnexecuted()
    {
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("empty-6x6", "hg-dagger", Options);
        var observer = new Stopper(trainer, stopAtDecision: 41);
        trainer.AddObserver(observer);
        trainer.WarmUp();

        Assert.Equal(20, trainer.CollectSteps(20));
        Assert.Equal(0, trainer.CollectSteps(20));

        // Decision 41 was heard, then nothing of its step happened: not executed, stored, counted or logged.
        Assert.Equal(41, observer.Decisions);
        Assert.Equal(40, observer.Steps);
        Assert.Equal(40, trainer.EnvSteps);
        Assert.Equal(40, trainer.Context.Human.TotalAdded + trainer.Context.Agent.TotalAdded);
    }

    [Fact]
    public void AStopDuringTheWarmUpEndsTheRunWithoutAPolicy()
    {
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("empty-6x6", "hg-dagger", Options);
        trainer.AddObserver(new Stopper(trainer, stopAfterStep: 5));

        Assert.Empty(trainer.Train());
        Assert.False(trainer.IsWarmedUp);
        Assert.Equal(5, trainer.EnvSteps);
    }

    [Fact]
    public void APersonWhoLeavesInsteadOfAnsweringStopsTheRunBeforeThatStep()
    {
        var spec = new RunSpec("empty-6x6", "aim", Options);
        LeavingPerson? person = null;
        using var trainer = Experiment.Grid(spec, runDirectory: null, env => person = new LeavingPerson(new ShortestPathExpert(env), answers: 12));
        var observer = new Stopper(trainer);
        trainer.AddObserver(observer);
        trainer.Train();

        // The warm-up asks the person at every step: twelve answers, twelve steps, and the thirteenth never taken.
        Assert.True(trainer.StopRequested);
        Assert.False(trainer.IsWarmedUp);
        Assert.Equal(12, trainer.EnvSteps);
        Assert.Equal(12, observer.Steps);
        Assert.Equal(13, person!.Asked);
    }

    /// <summary>Asks its trainer to stop after a given step, or when it hears a given decision; counts what it heard.</summary>
    private sealed class Stopper(ITrainer trainer, long stopAfterStep = -1, long stopAtDecision = -1) : ITrainingObserver
    {
        public int Decisions { get; private set; }

        public int Steps { get; private set; }

        public void OnDecision(in TrainingDecision decision)
        {
            Decisions++;
            if (decision.EnvStep == stopAtDecision)
            {
                trainer.RequestStop();
            }
        }

        public void OnStep(in TrainingStep step)
        {
            Steps++;
            if (step.EnvStep == stopAfterStep)
            {
                trainer.RequestStop();
            }
        }
    }

    /// <summary>A person played by the planner who answers <c>answers</c> times, then leaves.</summary>
    private sealed class LeavingPerson(ShortestPathExpert planner, int answers) : IPersonExpert<byte[], int>
    {
        public int Asked { get; private set; }

        public bool TryAct(byte[] observation, out int action)
        {
            Asked++;
            action = Asked <= answers ? planner.Act(observation) : 0;
            return Asked <= answers;
        }

        public bool WatchRobotStep() => true;

        public int Act(byte[] observation) => throw new InvalidOperationException("The harness asks a person through TryAct.");
    }
}
