using Aim.Core.Experts;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Aim.Play.Session;
using Aim.Tests.Cli;

namespace Aim.Tests.Play;

/// <summary>The harness with an expert that is a person: asked only when in control; a person's own gate for HG-DAgger.</summary>
[Collection(SerialRuns.Name)]
public sealed class PersonInTheLoopTests
{
    [Fact]
    public void AnOnDemandExpertIsAskedOnlyAtTheStepsItControlsOrHandsBack()
    {
        var spec = new RunSpec("lavacrossing-s9n1", "aim", new TrainerOptions { Seed = 4, TotalEnvSteps = 260, WarmUpSteps = 60, EvalEvery = 0, EvalEpisodes = 2 });
        CountingPerson? person = null;
        using var trainer = Experiment.Grid(spec, runDirectory: null, env => person = new CountingPerson(new ShortestPathExpert(env)));
        var steps = new StepTally();
        trainer.AddObserver(steps);
        trainer.Train();

        Assert.NotNull(person);
        Assert.True(steps.Asks > 0, "the robot never asked for help: the test would not show asking on demand");
        Assert.True(steps.RobotSteps > 0);

        // Asked at every expert-controlled step, and at every hand-back (the hand-back rule compares a_r with a_h),
        // never while the robot drives on.
        Assert.Equal(steps.ExpertSteps + steps.HandBacks, person!.Calls);
        Assert.Equal(steps.RobotSteps - steps.HandBacks, steps.NotAsked);
        Assert.Equal(steps.ExpertSteps, trainer.Context.Human.TotalAdded);
    }

    [Fact]
    public void ASimulatedExpertIsStillAskedOnEveryStep()
    {
        var spec = new RunSpec("empty-6x6", "aim", new TrainerOptions { Seed = 1, TotalEnvSteps = 120, WarmUpSteps = 40, EvalEvery = 0, EvalEpisodes = 2 });
        using var trainer = Experiment.Grid(spec);
        var steps = new StepTally();
        trainer.AddObserver(steps);
        trainer.Train();
        Assert.Equal(0, steps.NotAsked);
    }

    [Fact]
    public void APersonGatedMethodActsExactlyWhileThePersonHoldsControl()
    {
        bool holds = false;
        var spec = new RunSpec("empty-6x6", "hg-dagger", new TrainerOptions { Seed = 2, TotalEnvSteps = 200, WarmUpSteps = 30, EvalEvery = 0, EvalEpisodes = 2 });
        using var trainer = Experiment.Grid(spec, null, env => new CountingPerson(new ShortestPathExpert(env)), m => new PersonGatedMethod(m, () => holds));
        var steps = new StepTally();
        trainer.AddObserver(steps);
        trainer.WarmUp();
        trainer.CollectSteps(40);
        Assert.Equal(0, steps.ExpertStepsAfterWarmUp);
        holds = true;
        trainer.CollectSteps(25);
        Assert.Equal(25, steps.ExpertStepsAfterWarmUp);
        Assert.True(steps.Takeovers >= 1); // once, and again at each episode that starts while the person holds control
        holds = false;
        trainer.CollectSteps(10);
        Assert.Equal(25, steps.ExpertStepsAfterWarmUp);
    }

    [Fact]
    public void PersonGatedMethodRefusesARobotGatedMethod()
    {
        var spec = new RunSpec("empty-6x6", "aim", new TrainerOptions { Seed = 0, TotalEnvSteps = 50, WarmUpSteps = 10 });
        var error = Assert.Throws<ArgumentException>(() => Experiment.Grid(spec, null, env => new ShortestPathExpert(env), m => new PersonGatedMethod(m, () => false)));
        Assert.Contains("robot-gated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0f, 1, 0.2f)]
    [InlineData(0.9f, 1, 1f)]
    [InlineData(0.5f, 0, 0.3f)]
    [InlineData(-0.1f, 0, 0f)]
    [InlineData(0.1f, -1, -0.1f)]
    public void HeldKeysRampTowardsTheirTarget(float value, int target, float expected) =>
        Assert.Equal(expected, DrivingPerson.Ramp(value, target, DrivingPerson.SteerRamp), 5);

    [Fact]
    public async Task TheDrivingPersonWaitsForAnAnswerThenFollowsTheHeldKeys()
    {
        var input = new PersonInput(TimeSpan.Zero);
        int awaited = 0;
        var person = new DrivingPerson(input, () => awaited++, () => true);
        var answer = Task.Run(() => person.Act([]));
        // Waits for the person to start waiting (a fixed delay failed on a loaded machine), then checks it still waits.
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!input.IsAwaiting && started.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(10);
        }

        Assert.True(input.IsAwaiting);
        await Task.Delay(100);
        Assert.False(answer.IsCompleted);
        input.SetKeys(1, 1);
        float[] action = await answer.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, awaited);
        Assert.Equal([DrivingPerson.SteerRamp, DrivingPerson.ThrottleRamp], action);
    }

    [Fact]
    public async Task StopEndsEveryWaitWithoutAnAnswer()
    {
        var input = new PersonInput(TimeSpan.FromSeconds(10));
        var waiting = Task.Run(() => input.TryWaitForGridAction(out _));
        await Task.Delay(50);
        input.Stop();
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(input.PaceRobotStep());
        Assert.False(input.TryWaitForAnswer());
        Assert.False(new GridPerson(input, () => { }).TryAct([], out _));
    }

    /// <summary>A planner standing in for the person: on demand, counting the times it is asked.</summary>
    private sealed class CountingPerson(ShortestPathExpert planner) : IExpert<byte[], int>, IOnDemandExpert
    {
        public int Calls { get; private set; }

        public int Act(byte[] observation)
        {
            Calls++;
            return planner.Act(observation);
        }
    }

    private sealed class StepTally : ITrainingObserver
    {
        public int ExpertSteps { get; private set; }

        public int ExpertStepsAfterWarmUp { get; private set; }

        public int RobotSteps { get; private set; }

        public int HandBacks { get; private set; }

        public int Asks { get; private set; }

        public int Takeovers { get; private set; }

        public int NotAsked { get; private set; }

        public void OnStep(in TrainingStep step)
        {
            if (step.Controller == Controller.Expert)
            {
                ExpertSteps++;
                ExpertStepsAfterWarmUp += step.IsWarmUp ? 0 : 1;
            }
            else
            {
                RobotSteps++;
                HandBacks += step.Previous == Controller.Expert ? 1 : 0;
            }

            Asks += step.AskedForHelp ? 1 : 0;
            Takeovers += step.Decision.Reason == PersonGatedMethod.PersonTakesOver ? 1 : 0;
            if (!step.ExpertAsked)
            {
                NotAsked++;
                Assert.True(double.IsNaN(step.Discrepancy));
                Assert.True(float.IsNaN(step.ExpertAction[0]));
            }
        }
    }
}
