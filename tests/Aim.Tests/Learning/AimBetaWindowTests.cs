using Aim.Core.Random;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Stats;
using Aim.Learning.Training;
using TorchSharp;

namespace Aim.Tests.Learning;

/// <summary>β from <see cref="BetaSource.RecentRobotStates"/>: the quantile of the current Q^I over the robot's last states.</summary>
public class AimBetaWindowTests
{
    private static readonly ObservationSpec s_observation = new(new[] { 2 });
    private static readonly ActionSpec s_action = ActionSpec.Continuous(1);

    private static TrainingContext Context()
    {
        var human = new HacoBuffer(200, 2, 1);
        var rng = new Rng(3);
        for (int i = 0; i < 200; i++)
        {
            float x = (float)rng.NextDouble(-1, 1);
            human.Add(new[] { x, 1f }, new[] { x, 1f }, new[] { 0f }, new[] { 0.8f * x }, true, i % 10 == 0, 1, false, false, false);
        }

        return new TrainingContext(s_observation, s_action, human, new HacoBuffer(10, 2, 1));
    }

    private static AimMethod Method(int window) => new(
        s_observation,
        s_action,
        new AimOptions
        {
            Delta = 0.1,
            BetaSource = BetaSource.RecentRobotStates,
            BetaWindow = window,
            MinBetaSamples = 5,
            QBatchSize = 32,
            QInitialSteps = 20,
            QStepsPerUpdate = 10,
            Policy = new() { InitialSteps = 20, StepsPerUpdate = 10, BatchSize = 32 },
            PolicyNetwork = new NetworkOptions(new[] { 16 }),
            QNetwork = new NetworkOptions(new[] { 16 }),
        },
        new Rng(1));

    private static void RobotDecides(AimMethod aim, float x)
    {
        var observation = new[] { x, 1f };
        var robot = new float[1];
        aim.Policy.Act(observation, 1, robot);
        var input = new GateInput(observation, robot, new[] { 0f }, Controller.Robot);
        aim.OnStep(input, aim.Decide(input));
    }

    private static double CurrentQuantile(AimMethod aim, IEnumerable<float> states)
    {
        var values = new List<double>();
        foreach (float x in states)
        {
            var observation = new[] { x, 1f };
            var robot = new float[1];
            aim.Policy.Act(observation, 1, robot);
            values.Add(aim.PredictQ(observation, robot));
        }

        return Quantiles.Quantile(values, 1 - aim.Options.Delta);
    }

    [Fact]
    public void AfterAnUpdateBetaIsTheQuantileOfTheCurrentQOverTheLastWindowOfRobotStates()
    {
        torch.manual_seed(0);
        TrainingContext context = Context();
        using AimMethod aim = Method(window: 40);
        aim.Initialize(context);

        // 60 robot decisions: the first 20 (far-away states) must have left the 40-state window.
        float[] states = Enumerable.Range(0, 60).Select(i => i < 20 ? 5f + i : -1f + (i * 0.03f)).ToArray();
        foreach (float x in states)
        {
            RobotDecides(aim, x);
        }

        aim.Update(context);

        double expected = CurrentQuantile(aim, states.Skip(20));
        Assert.Equal(expected, aim.Gate.Beta, 4);
        Assert.NotEqual(CurrentQuantile(aim, states), aim.Gate.Beta, 4);
    }

    [Fact]
    public void AnEpisodeEndAlsoRefreshesBetaSoARobotThatNeverAsksIsNotLeftAlone()
    {
        torch.manual_seed(0);
        TrainingContext context = Context();
        using AimMethod aim = Method(window: 40);
        aim.Initialize(context);

        // States far outside the demonstrations: no update comes (no expert labels), the episode ends.
        float[] states = Enumerable.Range(0, 30).Select(i => 3f + (0.1f * i)).ToArray();
        foreach (float x in states)
        {
            RobotDecides(aim, x);
        }

        aim.OnEpisodeEnd(context);
        Assert.Equal(CurrentQuantile(aim, states), aim.Gate.Beta, 4);
    }

    [Fact]
    public void BetaWaitsForMoreThanTheMinimumNumberOfStates()
    {
        torch.manual_seed(0);
        TrainingContext context = Context();
        using AimMethod aim = Method(window: 40);
        aim.Initialize(context);
        double initial = aim.Gate.Beta;
        for (int i = 0; i < 5; i++)
        {
            RobotDecides(aim, 0.1f * i);
        }

        aim.Update(context);
        Assert.Equal(initial, aim.Gate.Beta);
    }

    [Fact]
    public void ABadWindowIsRejectedByName()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new AimOptions { BetaWindow = 0 }.Validate());
        Assert.Equal("BetaWindow", error.ParamName);
    }
}
