namespace Aim.Learning.Training;

/// <summary>One evaluation of a run: every metric at that moment (keys in <see cref="MetricNames"/> and the method's).</summary>
public sealed class EvaluationPoint
{
    private readonly IReadOnlyDictionary<string, double> _metrics;

    /// <summary>Wraps the metrics.</summary>
    public EvaluationPoint(IReadOnlyDictionary<string, double> metrics)
    {
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
    }

    /// <summary>All metrics by key.</summary>
    public IReadOnlyDictionary<string, double> Metrics => _metrics;

    /// <summary>Environment steps at the evaluation.</summary>
    public double EnvSteps => this[MetricNames.EnvSteps];

    /// <summary>Expert takeover cost at the evaluation.</summary>
    public double ExpertCost => this[MetricNames.ExpertCost];

    /// <summary>Test success rate.</summary>
    public double Success => this[MetricNames.EvalSuccess];

    /// <summary>A metric by key (NaN when absent).</summary>
    public double this[string key] => _metrics.TryGetValue(key, out double v) ? v : double.NaN;

    /// <inheritdoc />
    public override string ToString() =>
        $"steps {EnvSteps:0}, expert cost {ExpertCost:0}, success {Success:0.00}, return {this[MetricNames.EvalReturn]:0.00}";
}
