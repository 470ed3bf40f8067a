using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Training;

namespace Aim.Tests.TestSupport;

/// <summary>
/// A method without networks for harness tests: the robot always proposes action 1, the gate asks for the expert
/// with a fixed answer, and every call is counted.
/// </summary>
internal sealed class ScriptedMethod : IMethod, IActor
{
    private readonly bool _askExpert;

    public ScriptedMethod(bool askExpert) => _askExpert = askExpert;

    public int Updates { get; private set; }

    public List<long> UpdateSteps { get; } = new();

    public string Name => "scripted";

    public bool IsRobotGated => true;

    public bool LearnsOnlyFromWarmUp => false;

    public double TargetSwitchRate => double.NaN;

    public IActor Actor => this;

    public IReadOnlyList<string> MetricNames => Array.Empty<string>();

    public void Act(ReadOnlySpan<float> observations, int count, Span<float> actions) => actions[..count].Fill(1f);

    public void Initialize(TrainingContext context)
    {
    }

    public void TrainDuringWarmUp(TrainingContext context) => UpdateSteps.Add(context.EnvSteps);

    public GateDecision Decide(in GateInput input) => _askExpert
        ? new GateDecision(Controller.Expert, "scripted: expert", 1.0)
        : new GateDecision(Controller.Robot, GateReasons.RobotContinues, 0.0);

    public void OnStep(in GateInput input, GateDecision decision)
    {
    }

    public void OnEpisodeEnd(TrainingContext context)
    {
    }

    public void Update(TrainingContext context)
    {
        Updates++;
        UpdateSteps.Add(context.EnvSteps);
    }

    public void ReportMetrics(IDictionary<string, double> metrics)
    {
    }

    public void Save(string directory)
    {
    }

    public void Load(string directory)
    {
    }

    public void WriteState(StateWriter writer) => writer.Write(Updates);

    public void ReadState(StateReader reader) => Updates = reader.ReadInt32();

    public void Dispose()
    {
    }
}
