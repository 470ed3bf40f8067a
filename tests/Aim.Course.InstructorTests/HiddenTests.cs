using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Algorithms.Thrifty;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;
using static TorchSharp.torch;

namespace Aim.Course.InstructorTests;

/// <summary>The hidden tests: the corners of each exercise that a solution tuned to the public tests can miss.</summary>
public sealed class HiddenTests(StudentUnderTest student) : IClassFixture<StudentUnderTest>
{
    private readonly StudentCode _code = student.Code;

    [Fact]
    public void BetaAtTheEndsOfDeltaIsTheMaximumAndTheMinimum()
    {
        var betaOf = _code.Method<Func<IReadOnlyCollection<double>, double, double>>("AimGate", "BetaOf");
        double[] values = [0.4, -1.5, 2.25, 0.0, 1.0];
        Assert.Equal(2.25, betaOf(values, 0), 12);
        Assert.Equal(-1.5, betaOf(values, 1), 12);
        Assert.Equal(0.7, betaOf([0.7], 0.3), 12);
    }

    [Fact]
    public void BetaLeavesTheCallersValuesAsTheyWere()
    {
        var betaOf = _code.Method<Func<IReadOnlyCollection<double>, double, double>>("AimGate", "BetaOf");
        double[] values = [3, 1, 2];
        betaOf(values, 0.5);
        Assert.Equal([3, 1, 2], values);
    }

    [Fact]
    public void TheGateDecidesExactlyAtItsThresholds()
    {
        var asks = _code.Method<Func<double, double, bool>>("AimGate", "AsksForHelp");
        var handsBack = _code.Method<Func<double, double, bool>>("AimGate", "HandsBack");
        Assert.False(asks(-0.25, -0.25));
        Assert.True(asks(Math.BitIncrement(-0.25), -0.25));
        Assert.True(handsBack(0.1, 0.1));
        Assert.False(handsBack(Math.BitIncrement(0.1), 0.1));
    }

    [Fact]
    public void TheAimLossHasTheLibrarysGradients()
    {
        var regression = _code.Method<Func<Tensor, Tensor, Tensor, Tensor>>("AimLoss", "Regression");
        using var scope = NewDisposeScope();
        float[] expert = [0.5f, -1.2f, 0.1f, 0.9f];
        float[] robot = [-0.3f, 0.8f, 1.4f, -0.6f];
        Tensor deviates = tensor(new float[] { 1, 0, 1, 1 });
        (float[] studentExpert, float[] studentRobot) = Gradients(regression, expert, robot, deviates);
        (float[] libraryExpert, float[] libraryRobot) = Gradients(AimLoss.Regression, expert, robot, deviates);
        Assert.Equal(libraryExpert, studentExpert, (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal(libraryRobot, studentRobot, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void TheTdTargetStopsAtTerminalStatesAndKeepsTheBatchShape()
    {
        var target = _code.Method<Func<Tensor, Tensor, double, double, Tensor>>("AimLoss", "TdTarget");
        using var scope = NewDisposeScope();
        Tensor next = tensor(new float[] { 2, -3, 5 });
        Tensor done = ones(3);
        Tensor y = target(next, done, 0.99, 0.5);
        Assert.Equal([3L], y.shape);
        Assert.Equal([0.5f, 0.5f, 0.5f], y.data<float>().ToArray());
        Assert.Equal([0f, 0f, 0f], target(next, zeros(3), 0, 0).data<float>().ToArray());
    }

    [Fact]
    public void ThriftyThresholdsAtAlphaZeroAreTheExtremes()
    {
        var novelty = _code.Method<Func<IReadOnlyCollection<double>, double, double>>("ThriftyGate", "NoveltyThresholdOf");
        var risk = _code.Method<Func<IReadOnlyCollection<double>, double, double>>("ThriftyGate", "RiskThresholdOf");
        double[] values = [0.2, 0.9, 0.5];
        Assert.Equal(ThriftyGate.NoveltyThresholdOf(values, 0), novelty(values, 0), 12);
        Assert.Equal(0.9, novelty(values, 0), 12);
        Assert.Equal(0.2, risk(values, 0), 12);
    }

    /// <summary>
    /// The loop's order on a scripted step, without a run: the expert is asked before it acts, an intervention goes to
    /// the human buffer as one, a hand-back decided at this step gives control to the robot, and learning waits for the
    /// schedule.
    /// </summary>
    [Fact]
    public void TheLoopAsksBeforeTheExpertActsStoresTheLabelAndHandsBackFromTheNextStep()
    {
        var step = _code.Method<Action<ISharedControl>>("SharedControlLoop", "Step");
        var handBack = new GateDecision(Controller.Expert, GateReasons.HandBackNext, 0.1, HandsBackAfter: true);
        var loop = new ScriptedLoop(handBack, warmingUp: false, updateDue: false, learningStarted: true);
        step(loop);
        Assert.Equal(
            ["begin", "propose", "decide", "ask", "execute Expert", "store human intervention", "record", "control Robot"],
            loop.Calls);

        var robot = new ScriptedLoop(new GateDecision(Controller.Robot, GateReasons.RobotContinues, -0.5), warmingUp: false, updateDue: true, learningStarted: false);
        step(robot);
        Assert.Equal(["begin", "propose", "decide", "execute Robot", "store agent", "record", "control Robot", "learn"], robot.Calls);

        var warmUp = new ScriptedLoop(new GateDecision(Controller.Expert, GateReasons.WarmUp, double.NaN), warmingUp: true, updateDue: true, learningStarted: false);
        step(warmUp);
        Assert.DoesNotContain("learn", warmUp.Calls);
    }

    /// <summary>An <see cref="ISharedControl"/> that records the order of the calls and answers from a script.</summary>
    private sealed class ScriptedLoop(GateDecision decision, bool warmingUp, bool updateDue, bool learningStarted) : ISharedControl
    {
        public List<string> Calls { get; } = new();

        public bool WarmingUp => warmingUp;

        public TrainingContext Context { get; } = new(
            new ObservationSpec([2]),
            ActionSpec.Discrete(3),
            new HacoBuffer(4, 2, 1),
            new HacoBuffer(4, 2, 1));

        public bool UpdateDue => updateDue;

        public bool LearningStarted => learningStarted;

        public bool StopRequested => false;

        public void BeginEpisodeIfNeeded() => Calls.Add("begin");

        public void ProposeRobotAction() => Calls.Add("propose");

        public GateDecision Decide()
        {
            Calls.Add("decide");
            return decision;
        }

        public void AskExpert() => Calls.Add("ask");

        public void Execute(Controller actor) => Calls.Add($"execute {actor}");

        public void Store(HacoBuffer buffer, bool intervention) =>
            Calls.Add($"store {(buffer == Context.Human ? "human" : "agent")}{(intervention ? " intervention" : "")}");

        public void Record(GateDecision recorded) => Calls.Add("record");

        public void HandControlTo(Controller next) => Calls.Add($"control {next}");

        public void Learn() => Calls.Add("learn");
    }

    private static (float[] Expert, float[] Robot) Gradients(Func<Tensor, Tensor, Tensor, Tensor> loss, float[] expert, float[] robot, Tensor deviates)
    {
        Tensor qExpert = tensor(expert).requires_grad_();
        Tensor qRobot = tensor(robot).requires_grad_();
        loss(qExpert, qRobot, deviates).backward();
        return (qExpert.grad!.data<float>().ToArray(), qRobot.grad!.data<float>().ToArray());
    }
}
