using Aim.Core.Resume;
using Aim.Learning.Learners;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Common;

/// <summary>
/// A human-gated method (HG-DAgger, PVP) whose gate is a real person: the person takes control with a key and gives it
/// back with the same key, in place of the simulated human's rule. Learning, metrics and checkpoints are the wrapped
/// method's own; only <see cref="Decide"/> changes.
/// </summary>
public sealed class PersonGatedMethod : IMethod
{
    /// <summary>Reason logged when the person takes over.</summary>
    public const string PersonTakesOver = "person takes over";

    private readonly IMethod _inner;
    private readonly Func<bool> _personHoldsControl;

    /// <summary>Wraps <paramref name="inner"/>, which must be human-gated.</summary>
    /// <param name="inner">The method (disposed with this one).</param>
    /// <param name="personHoldsControl">True while the person has taken control.</param>
    /// <exception cref="ArgumentException"><paramref name="inner"/> is robot-gated: its own gate asks the person.</exception>
    public PersonGatedMethod(IMethod inner, Func<bool> personHoldsControl)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _personHoldsControl = personHoldsControl ?? throw new ArgumentNullException(nameof(personHoldsControl));
        if (inner.IsRobotGated)
        {
            throw new ArgumentException($"'{inner.Name}' is robot-gated: its own gate decides when to ask the person.", nameof(inner));
        }
    }

    /// <summary>The wrapped method.</summary>
    public IMethod Inner => _inner;

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public bool IsRobotGated => false;

    /// <inheritdoc />
    public bool LearnsOnlyFromWarmUp => _inner.LearnsOnlyFromWarmUp;

    /// <inheritdoc />
    public double TargetSwitchRate => _inner.TargetSwitchRate;

    /// <inheritdoc />
    public IActor Actor => _inner.Actor;

    /// <inheritdoc />
    public IReadOnlyList<string> MetricNames => _inner.MetricNames;

    /// <inheritdoc />
    public void Initialize(TrainingContext context) => _inner.Initialize(context);

    /// <inheritdoc />
    public void TrainDuringWarmUp(TrainingContext context) => _inner.TrainDuringWarmUp(context);

    /// <summary>The person's choice: they act exactly while they hold control.</summary>
    public GateDecision Decide(in GateInput input) =>
        HumanGate.Decide(_personHoldsControl(), PersonTakesOver, double.NaN, input.Previous);

    /// <inheritdoc />
    public void OnStep(in GateInput input, GateDecision decision) => _inner.OnStep(input, decision);

    /// <inheritdoc />
    public void OnEpisodeEnd(TrainingContext context) => _inner.OnEpisodeEnd(context);

    /// <inheritdoc />
    public void Update(TrainingContext context) => _inner.Update(context);

    /// <inheritdoc />
    public void ReportMetrics(IDictionary<string, double> metrics) => _inner.ReportMetrics(metrics);

    /// <inheritdoc />
    public void Save(string directory) => _inner.Save(directory);

    /// <inheritdoc />
    public void Load(string directory) => _inner.Load(directory);

    /// <inheritdoc />
    /// <remarks>The wrapped method's state: the person's key holds no state of its own.</remarks>
    public void WriteState(StateWriter writer) => _inner.WriteState(writer);

    /// <inheritdoc />
    public void ReadState(StateReader reader) => _inner.ReadState(reader);

    /// <inheritdoc />
    public void Dispose() => _inner.Dispose();
}
