namespace Aim.Learning.Training;

/// <summary>
/// An observer that hands every evaluation to a callback: a live progress display's way to follow
/// <see cref="ITrainer.Train"/> (add it with <see cref="ITrainer.AddObserver"/> before training).
/// </summary>
public sealed class EvaluationProgress : ITrainingObserver
{
    private readonly Action<EvaluationPoint> _report;

    /// <summary>Creates the observer.</summary>
    /// <param name="report">Called after every evaluation, on the training thread, with the point just measured.</param>
    public EvaluationProgress(Action<EvaluationPoint> report) => _report = report ?? throw new ArgumentNullException(nameof(report));

    /// <inheritdoc />
    public void OnEvaluation(EvaluationPoint point) => _report(point);
}
