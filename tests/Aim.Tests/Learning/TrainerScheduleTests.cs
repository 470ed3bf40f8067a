using Aim.Core.Experts;
using Aim.Core.Spaces;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using Aim.Tests.TestSupport;

namespace Aim.Tests.Learning;

public class TrainerScheduleTests
{
    private sealed class RightExpert : IExpert<float[], int>
    {
        public int Act(float[] observation) => 1;
    }

    private static InteractiveTrainer<float[], int> Trainer(ScriptedMethod method, TrainerOptions options) =>
        new(new CorridorEnv(), new RightExpert(), () => new CorridorEnv(), method, options with { EvalEpisodes = 2 });

    [Fact]
    public void EnvStepScheduleUpdatesEveryNStepsAfterTheWarmUpWhateverTheLabels()
    {
        var robotOnly = new ScriptedMethod(askExpert: false);
        using var trainer = Trainer(robotOnly, new TrainerOptions { TotalEnvSteps = 30, WarmUpSteps = 10, UpdateEvery = 4, UpdateSchedule = UpdateSchedule.EnvSteps, EvalEvery = 0 });
        trainer.Train();
        Assert.Equal(new long[] { 14, 18, 22, 26, 30 }, robotOnly.UpdateSteps);
    }

    [Fact]
    public void LabelScheduleWaitsForExpertLabels()
    {
        var robotOnly = new ScriptedMethod(askExpert: false);
        using (var trainer = Trainer(robotOnly, new TrainerOptions { TotalEnvSteps = 30, WarmUpSteps = 10, UpdateEvery = 4, EvalEvery = 0 }))
        {
            trainer.Train();
        }

        Assert.Equal(0, robotOnly.Updates);

        var expertOnly = new ScriptedMethod(askExpert: true);
        using (var trainer = Trainer(expertOnly, new TrainerOptions { TotalEnvSteps = 30, WarmUpSteps = 10, UpdateEvery = 4, EvalEvery = 0 }))
        {
            trainer.Train();
        }

        Assert.Equal(5, expertOnly.Updates);
    }

    [Fact]
    public void ExpertStepClockEvaluatesOnlyAsTheExpertActs()
    {
        using (var trainer = Trainer(new ScriptedMethod(askExpert: false), new TrainerOptions { TotalEnvSteps = 40, WarmUpSteps = 10, EvalEvery = 5, EvalClock = EvalClock.ExpertSteps }))
        {
            // After the warm-up the expert never acts: one evaluation after the warm-up, one at the end.
            Assert.Equal(new[] { 10.0, 40.0 }, trainer.Train().Select(p => p.EnvSteps));
        }

        using (var trainer = Trainer(new ScriptedMethod(askExpert: true), new TrainerOptions { TotalEnvSteps = 20, WarmUpSteps = 10, EvalEvery = 5, EvalClock = EvalClock.ExpertSteps }))
        {
            Assert.Equal(new[] { 10.0, 15.0, 20.0 }, trainer.Train().Select(p => p.ExpertCost));
        }
    }

    [Fact]
    public void ByteObservationsCanBeDividedBy255()
    {
        var space = new Box<byte>(0, 10, 3, 7, 7);
        Assert.Equal(0.1f, ObservationSpec.From(space).Scale, 6);
        Assert.Equal(1f / 255f, ObservationSpec.From(space, divideBytesBy255: true).Scale, 9);
        Assert.Equal(1f, ObservationSpec.From(new Box<float>(0f, 1f, 4), divideBytesBy255: true).Scale);
    }
}
