using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Training;

namespace Aim.Experiments.Inspection;

/// <summary>
/// Wraps a method and records every gate decision after warm-up with the agent's pose and the threshold in force, so
/// a notebook can tabulate who acted and why, or map where help was requested. Everything else is passed through
/// unchanged, so a recorded run is the same run.
/// </summary>
public sealed class GateRecorder : IMethod
{
    private readonly List<GateStep> _steps = new();
    private readonly Func<GatePose>? _pose;
    private readonly Func<(long EnvStep, int Episode)>? _clock;
    private GatePose _pendingPose;
    private double _pendingThreshold;
    private (long EnvStep, int Episode)? _pendingClock;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    /// <param name="inner">The method that decides and learns.</param>
    /// <param name="pose">Reads the agent's pose before each step (null: poses are recorded as NaN).</param>
    /// <param name="clock">Reads the harness's environment steps and finished episodes before each step (null: 0).</param>
    public GateRecorder(IMethod inner, Func<GatePose>? pose = null, Func<(long EnvStep, int Episode)>? clock = null)
    {
        Inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _pose = pose;
        _clock = clock;
    }

    /// <summary>The wrapped method.</summary>
    public IMethod Inner { get; }

    /// <summary>Every decision recorded so far, in order.</summary>
    public IReadOnlyList<GateStep> Steps => _steps;

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public bool IsRobotGated => Inner.IsRobotGated;

    /// <inheritdoc />
    public double TargetSwitchRate => Inner.TargetSwitchRate;

    /// <inheritdoc />
    public IActor Actor => Inner.Actor;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => Inner.MetricNames;

    /// <summary>Forgets the recorded decisions (to record one phase at a time).</summary>
    public void Clear() => _steps.Clear();

    /// <inheritdoc />
    public void Initialize(TrainingContext context) => Inner.Initialize(context);

    /// <inheritdoc />
    public GateDecision Decide(in GateInput input)
    {
        // Read the pose and thresholds now: the environment steps and AIM refits β before OnStep is called.
        _pendingPose = _pose?.Invoke() ?? new GatePose(double.NaN, double.NaN, double.NaN);
        _pendingClock = _clock?.Invoke();
        _pendingThreshold = Inner is AimMethod aim
            ? input.Previous == Controller.Robot ? aim.Gate.Beta : aim.Gate.Epsilon
            : double.NaN;
        return Inner.Decide(input);
    }

    /// <inheritdoc />
    public void OnStep(in GateInput input, GateDecision decision)
    {
        _steps.Add(new GateStep(
            _pendingClock is { } clock ? clock.EnvStep + 1 : 0,
            _pendingClock?.Episode ?? 0,
            _pendingPose,
            input.Previous,
            decision.Controller,
            decision.Reason,
            decision.Score,
            _pendingThreshold,
            input.RobotAction.ToArray(),
            input.ExpertAction.ToArray()));
        Inner.OnStep(input, decision);
    }

    /// <inheritdoc />
    public void OnEpisodeEnd(TrainingContext context) => Inner.OnEpisodeEnd(context);

    /// <inheritdoc />
    public void Update(TrainingContext context) => Inner.Update(context);

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics) => Inner.ReportMetrics(metrics);

    /// <inheritdoc />
    public void Save(string directory) => Inner.Save(directory);

    /// <inheritdoc />
    public void Dispose() => Inner.Dispose();
}
