using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Interactive.Charts;
using Aim.Interactive.Inspection;
using Aim.Experiments.Running;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Aim.Tests.Cli;

namespace Aim.Tests.Interactive;

[Collection(SerialRuns.Name)]
public class InspectionTests
{
    private static readonly TrainerOptions s_small = new() { Seed = 3, TotalEnvSteps = 160, WarmUpSteps = 60, EvalEvery = 0, EvalEpisodes = 3, LogSteps = false };

    private static readonly Dictionary<string, string> s_fast = new()
    {
        ["policy.initial_steps"] = "40",
        ["policy.steps_per_update"] = "10",
        ["q_initial_steps"] = "10",
        ["q_steps_per_update"] = "5",
    };

    [Fact]
    public void SessionRecordsEveryDecisionAndMatchesTheUnrecordedRun()
    {
        using InspectionSession session = InspectionSession.Create("lavagap-s5", "aim", s_small, s_fast);
        IReadOnlyList<EvaluationPoint> recorded = session.Trainer.Train();
        using InteractiveTrainer<byte[], int> plain = Experiment.Grid("lavagap-s5", "aim", s_small, s_fast);
        IReadOnlyList<EvaluationPoint> unrecorded = plain.Train();

        Assert.Equal(unrecorded[^1].Success, recorded[^1].Success);
        Assert.Equal(unrecorded[^1].ExpertCost, recorded[^1].ExpertCost);
        Assert.Equal(s_small.TotalEnvSteps - s_small.WarmUpSteps, session.Steps.Count);
        Assert.Equal(s_small.WarmUpSteps + 1, session.Steps[0].EnvStep);
        Assert.Equal(session.Trainer.Account.SwitchesToHuman, session.Steps.Count(s => s.AskedForHelp));
        Assert.All(session.Steps.Where(s => s.Previous == Controller.Robot), s => Assert.Equal(AimGateReason(s), s.Reason));
        Assert.All(session.Steps, s => Assert.True(double.IsFinite(s.Threshold), $"threshold at step {s.EnvStep}"));
        Assert.All(session.Steps.Where(s => s.Previous == Controller.Robot), s => Assert.Equal(s.Controller == Controller.Expert, s.Score > s.Threshold));
        Assert.All(session.Steps, s => Assert.DoesNotContain(
            session.Layout(s.Episode)![(int)s.Pose.X, (int)s.Pose.Y, 0],
            new[] { (int)GridObjectType.Wall, (int)GridObjectType.Lava }));

        int episode = session.LastFinishedEpisode();
        Assert.NotNull(session.Layout(episode));
        string json = OfflinePlotly.ToFigureJson(session.EpisodeChart(episode));
        Assert.Contains("max over directions", json);
    }

    [Fact]
    public void DrivingSessionRecordsPosesAndDrawsTheRoute()
    {
        var trainer = s_small with { TotalEnvSteps = 260, WarmUpSteps = 100 };
        using InspectionSession session = InspectionSession.Create("driving-toy", "aim", trainer, s_fast);
        session.Trainer.Train();
        Assert.Null(session.Grid);
        Assert.NotNull(session.Driving);
        Assert.Equal(trainer.TotalEnvSteps - trainer.WarmUpSteps, session.Steps.Count);
        Assert.All(session.Steps, s => Assert.True(double.IsFinite(s.Pose.X) && double.IsFinite(s.Pose.Heading)));
        int episode = session.Steps.First(s => s.Previous == Controller.Robot).Episode;
        Assert.Contains("Q^I(s, a_r)", OfflinePlotly.ToFigureJson(session.EpisodeChart(episode)));
        Assert.Throws<InvalidOperationException>(() => session.LayoutEnv(episode));
    }

    [Fact]
    public void QMapHasValuesOnStandableCellsOnly()
    {
        using InspectionSession session = InspectionSession.Create("lavagap-s5", "aim", s_small, s_fast);
        session.Trainer.WarmUp();
        GridEnv layout = GridTasks.Create("lavagap-s5");
        layout.Reset(seed: 7);
        GridQMap map = GridQMap.Compute(layout, session.Aim!);

        for (int d = 0; d < 4; d++)
        {
            double[,] q = map.RobotQ(d);
            for (int x = 0; x < layout.Width; x++)
            {
                for (int y = 0; y < layout.Height; y++)
                {
                    Assert.Equal(GridQMap.IsStandable(layout.CellAt(x, y)), double.IsFinite(q[x, y]));
                    if (double.IsFinite(q[x, y]))
                    {
                        int action = map.PolicyAction(x, y, d);
                        Assert.Equal(q[x, y], map.ActionQ(d, action)[x, y]);
                        Assert.True(map.MaxOverActions(d)[x, y] >= q[x, y]);
                    }
                }
            }
        }

        (double min, double max) = map.RobotQRange();
        Assert.True(min <= max);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.RobotQ(4));
    }

    [Fact]
    public void ActionValuesAgreeWithPredictQ()
    {
        using InspectionSession session = InspectionSession.Create("lavagap-s5", "aim", s_small, s_fast);
        session.Trainer.WarmUp();
        HacoBuffer human = session.Trainer.Context.Human;
        double[] values = session.Aim!.ActionValues(human.Observation(human.SlotOf(0)));
        Assert.Equal(7, values.Length);
        Assert.Equal(session.Aim!.PredictQ(human.Observation(human.SlotOf(0)), [2f]), values[2]);
        Assert.InRange(session.Aim!.RobotAction(human.Observation(human.SlotOf(0))), 0, 6);
    }

    [Fact]
    public void BehaviourCloningRecordsFitsAndRollsOut()
    {
        HacoBuffer demos = BehaviourCloning.Demonstrations("empty-5x5", episodes: 10);
        Assert.True(demos.Count >= 10 * 4, $"{demos.Count} steps"); // at least 4 moves and turns to the opposite corner
        using var policy = BehaviourCloning.Fit(demos, "empty-5x5", steps: 500, seed: 1);
        EvaluationResult result = BehaviourCloning.Evaluate(policy, "empty-5x5", episodes: 10, seedStart: 0);
        Assert.True(result.SuccessRate >= 0.6, $"success on the demonstrated layouts {result.SuccessRate}");
        var (layout, steps, end) = BehaviourCloning.Rollout(policy, "empty-5x5", seed: 0);
        Assert.Equal(5, layout.GetLength(0));
        Assert.Equal(steps[^1].Success, end == (3, 3));
        Assert.All(steps, s => Assert.InRange(s.ExpertAction, 0, 6));
        Assert.Throws<ArgumentException>(() => BehaviourCloning.Demonstrations("driving", 1));
    }

    [Fact]
    public void AblationSummaryGivesMeanAndStdPerSetting()
    {
        var spec = new RunSpec("empty-5x5", "aim", s_small with { TotalEnvSteps = 80, WarmUpSteps = 40 }, s_fast);
        IReadOnlyList<AblationRun> runs = Ablations.Run("δ", "0.2", spec, [0, 1]);
        Assert.Equal([0, 1], runs.Select(r => r.Seed));
        var frame = Ablations.Summary(runs.Concat(Ablations.Run("δ", "0.4", new RunSpec(spec.Task, spec.Method, spec.Trainer, new Dictionary<string, string>(s_fast) { ["delta"] = "0.4" }), [0])));
        Assert.Equal(2, frame.RowCount);
        Assert.Equal("0.2", frame.GetColumn<string>("Value").GetAt(0));
        Assert.Equal(2, frame.GetColumn<int>("Seeds").GetAt(0));
        Assert.Contains("±", frame.GetColumn<string>("ExpertCost").GetAt(0));
        Assert.DoesNotContain("±", frame.GetColumn<string>("ExpertCost").GetAt(1));
        string json = OfflinePlotly.ToFigureJson(AblationCharts.Tradeoff(runs, "t"));
        Assert.Contains("error_y", json);
    }

    private static string AimGateReason(GateStep s) =>
        s.Controller == Controller.Expert ? Aim.Learning.Algorithms.Aim.AimGate.AskForHelp : GateReasons.RobotContinues;
}
