using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Pvp;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Learning;

/// <summary>
/// The released MiniGrid protocol's collection mechanics (sweeps/aim-code-minigrid.json, docs/reproduction.md) on a
/// short seeded run: the policy trains while the warm-up collects, the agreeing step is still the expert's, and β is
/// recomputed at every env step from the human buffer until the agent buffer holds a few robot transitions.
/// </summary>
[Collection(SerialRuns.Name)]
public class MiniGridProtocolTests
{
    private const int WarmUp = 40;
    private const int LearningStarts = 10;

    /// <summary>The protocol's options at a tenth of its cost: 2 policy and 2 Q^I steps per env step, small batches.</summary>
    private static RunSpec Protocol(int totalSteps, int learningStarts = LearningStarts) => new(
        "multiroom-n2-s4",
        "aim",
        new TrainerOptions
        {
            Seed = 3,
            TotalEnvSteps = totalSteps,
            WarmUpSteps = WarmUp,
            LearningStarts = learningStarts,
            UpdateSchedule = UpdateSchedule.EnvSteps,
            UpdateEvery = 1,
            EvalEvery = 0,
            EvalEpisodes = 2,
            ObservationScale = ByteObservationScale.Divide255,
            LogSteps = false,
        },
        new Dictionary<string, string>
        {
            ["delta"] = "0.1",
            ["learner"] = "ProxyValue",
            ["proxy_value.batch_size"] = "32",
            ["proxy_value.steps_per_update"] = "2",
            ["proxy_value.initial_steps"] = "0",
            ["q_batch_size"] = "16",
            ["q_steps_per_update"] = "2",
            ["q_initial_steps"] = "2",
            ["td_weight"] = "0",
            ["positive_label"] = "CurrentPolicy",
            ["beta_source"] = "AgentBufferBatch",
            ["beta_sample_size"] = "20",
            ["hand_back"] = "NextStep",
        });

    /// <summary>Records, at every step, the step number, the policy's loss then, and the gate's decision and β.</summary>
    private sealed class Recorder(ITrainer trainer) : ITrainingObserver
    {
        public List<long> UpdateStarts { get; } = [];

        public List<(long Step, double Loss)> PolicyLoss { get; } = [];

        public List<Step> Steps { get; } = [];

        public List<double> Betas { get; } = [];

        public void OnUpdateStart() => UpdateStarts.Add(trainer.EnvSteps);

        public void OnStep(in TrainingStep step)
        {
            var metrics = new Dictionary<string, double>();
            trainer.Method.ReportMetrics(metrics);
            PolicyLoss.Add((step.EnvStep, metrics[PvpMethod.QLossMetric]));
            Steps.Add(new Step(step.IsWarmUp, step.Previous, step.Controller, step.Decision, step.RobotAction[0], step.ExpertAction[0], step.Done));
            Betas.Add(metrics[AimMethod.BetaMetric]);
        }
    }

    /// <summary>What the tests read of a <see cref="TrainingStep"/> (a ref struct, so not kept itself).</summary>
    private sealed record Step(bool IsWarmUp, Controller Previous, Controller Controller, GateDecision Decision, float RobotAction, float ExpertAction, bool Done);

    private static (Recorder Recorder, ITrainer Trainer) Run(RunSpec spec)
    {
        ITrainer trainer = Experiment.Create(spec);
        var recorder = new Recorder(trainer);
        trainer.AddObserver(recorder);
        trainer.Train();
        return (recorder, trainer);
    }

    [Fact]
    public void ThePolicyTrainsAfterEveryWarmUpStepPastLearningStarts()
    {
        (Recorder recorder, ITrainer trainer) = Run(Protocol(totalSteps: WarmUp + 5));
        using (trainer)
        {
            // Updates start after warm-up steps 11..40 (the last one's is followed by the initial fit at the warm-up's end).
            long[] duringWarmUp = recorder.UpdateStarts.Where(s => s <= WarmUp).ToArray();
            Assert.Equal(Enumerable.Range(LearningStarts + 1, WarmUp - LearningStarts).Select(s => (long)s), duringWarmUp.Distinct());

            // The policy's loss exists and moves while the expert is still collecting the warm-up (a step's row is
            // written before the update that follows it).
            double[] warmUpLosses = recorder.PolicyLoss.Where(p => p.Step > LearningStarts + 1 && p.Step <= WarmUp).Select(p => p.Loss).ToArray();
            Assert.All(warmUpLosses, loss => Assert.True(double.IsFinite(loss), $"policy loss {loss} during the warm-up"));
            Assert.True(warmUpLosses.Distinct().Count() > WarmUp / 2, "the policy's loss should change at every warm-up update");
            Assert.All(recorder.PolicyLoss.Where(p => p.Step <= LearningStarts + 1), p => Assert.True(double.IsNaN(p.Loss), $"no policy update before step {LearningStarts + 1}, yet loss {p.Loss} at step {p.Step}"));
        }
    }

    [Fact]
    public void WithoutLearningStartsThePolicyFirstTrainsAtTheWarmUpsEnd()
    {
        (Recorder recorder, ITrainer trainer) = Run(Protocol(totalSteps: WarmUp + 5, learningStarts: 0));
        using (trainer)
        {
            Assert.Equal([WarmUp], recorder.UpdateStarts.Where(s => s <= WarmUp).Distinct());
            Assert.All(recorder.PolicyLoss.Where(p => p.Step <= WarmUp), p => Assert.True(double.IsNaN(p.Loss)));
        }
    }

    [Fact]
    public void TheAgreeingStepIsStillTheExpertsAndTheRobotDecidesFromTheNext()
    {
        (Recorder recorder, ITrainer trainer) = Run(Protocol(totalSteps: 300));
        using (trainer)
        {
            Step[] after = recorder.Steps.Where(s => !s.IsWarmUp).ToArray();
            int handBacks = 0;
            for (int i = 0; i + 1 < after.Length; i++)
            {
                if (after[i].Decision.Reason != GateReasons.HandBackNext)
                {
                    continue;
                }

                handBacks++;
                Assert.Equal(Controller.Expert, after[i].Controller);
                Assert.Equal(after[i].RobotAction, after[i].ExpertAction);
                if (!after[i].Done)
                {
                    // The next step is a robot decision: Q^I against β, not the hand-back rule.
                    Assert.Equal(Controller.Robot, after[i + 1].Previous);
                }
            }

            Assert.True(handBacks > 0, "the run should hand back at least once");
            Assert.DoesNotContain(after, s => s.Decision.Reason == GateReasons.HandBack);
            Assert.Equal(handBacks, (int)after.Count(s => s.Decision.HandsBackAfter));
        }
    }

    [Fact]
    public void BetaIsRecomputedAtEveryEnvStepAfterTheWarmUp()
    {
        (Recorder recorder, ITrainer trainer) = Run(Protocol(totalSteps: WarmUp + 60));
        using (trainer)
        {
            // A fresh sample of 20 stored robot actions scored by a retrained Q^I: β differs from one step to the next.
            double[] betas = recorder.Betas.Skip(WarmUp).ToArray();
            int changes = betas.Zip(betas.Skip(1), (a, b) => a != b).Count(c => c);
            Assert.True(changes >= betas.Length - 2, $"β changed at {changes} of {betas.Length - 1} steps");
        }
    }
}
