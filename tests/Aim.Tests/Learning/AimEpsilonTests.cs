using Aim.Core.Random;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using TorchSharp;

namespace Aim.Tests.Learning;

/// <summary>AIM's hand-back threshold ε: fixed after warm-up, or measured on held-out labels.</summary>
[Collection(SerialRuns.Name)]
public class AimEpsilonTests
{
    private static readonly ObservationSpec s_observation = new(new[] { 2 });
    private static readonly ActionSpec s_action = ActionSpec.Continuous(1);

    [Theory]
    [InlineData(EpsilonSchedule.Fixed)]
    [InlineData(EpsilonSchedule.HeldOut)]
    public void HeldOutEpsilonIsTheNewLabelsDiscrepancyBeforeThePolicyTrainsOnThem(EpsilonSchedule schedule)
    {
        torch.manual_seed(5);
        var human = new HacoBuffer(500, 2, 1);
        var agent = new HacoBuffer(500, 2, 1);
        var rng = new Rng(3);
        for (int i = 0; i < 100; i++)
        {
            Add(human, (float)rng.NextDouble(-1, 1), label: x => 0.8f * x);
        }

        var context = new TrainingContext(s_observation, s_action, human, agent);
        using var aim = new AimMethod(s_observation, s_action, new AimOptions
        {
            Epsilon = schedule,
            QInitialSteps = 20,
            QStepsPerUpdate = 5,
            Policy = new() { InitialSteps = 300, StepsPerUpdate = 50, BatchSize = 32 },
            PolicyNetwork = new NetworkOptions(new[] { 16 }),
            QNetwork = new NetworkOptions(new[] { 16 }),
        }, new Rng(1));
        aim.Initialize(context);
        double warmUpEpsilon = aim.Gate.Epsilon;
        Assert.True(warmUpEpsilon > 0 && warmUpEpsilon < 0.05, $"ε after the warm-up fit {warmUpEpsilon}");

        // 20 new labels the policy has never seen, far from what it learned: the expert now wants −0.5 everywhere.
        var observations = new float[40];
        for (int i = 0; i < 20; i++)
        {
            float x = (float)rng.NextDouble(-1, 1);
            Add(human, x, label: _ => -0.5f);
            observations[2 * i] = x;
            observations[(2 * i) + 1] = 1f;
        }

        var before = new float[20];
        aim.Actor.Act(observations, 20, before);
        double heldOut = before.Average(a => (a + 0.5) * (a + 0.5));
        aim.Update(context);

        if (schedule == EpsilonSchedule.HeldOut)
        {
            Assert.Equal(heldOut, aim.Gate.Epsilon, 5);
            Assert.True(aim.Gate.Epsilon > 10 * warmUpEpsilon);
        }
        else
        {
            Assert.Equal(warmUpEpsilon, aim.Gate.Epsilon);
        }
    }

    private static void Add(HacoBuffer human, float x, Func<float, float> label)
    {
        human.Add(new[] { x, 1f }, new[] { x, 1f }, new[] { 0f }, new[] { label(x) }, true, false, 1, false, false, false);
    }
}
