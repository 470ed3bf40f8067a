using Aim.Learning.Training;

namespace Aim.Experiments.Results;

/// <summary>Our runs' endings per seed beside a reference's (<see cref="ReferenceRuns"/>), as one table.</summary>
public static class ReferenceComparison
{
    /// <summary>
    /// One row per run of <paramref name="ours"/> (by series, then seed), then one per seed of <paramref name="reference"/>.
    /// A run's first success is its first evaluation above zero, as the reference counts it.
    /// </summary>
    public static IReadOnlyList<ReferenceComparisonRow> PerSeed(ResultSet ours, ReferenceRuns reference)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(reference);
        bool oneSeries = ours.Series.Count == 1;
        var rows = ours.Runs.OrderBy(r => r.Series, StringComparer.Ordinal).ThenBy(r => r.Seed).Select(r => new ReferenceComparisonRow(
            oneSeries ? "ours" : $"ours: {r.Series}",
            r.Seed,
            r.Final(MetricNames.EvalSuccess),
            r.BestSuccess,
            r.Final(MetricNames.ExpertCost),
            r.ExpertCostToReach(double.Epsilon))).ToList();
        rows.AddRange(reference.Seeds.Select(s => new ReferenceComparisonRow(
            Reports.ReportCharts.ReferenceLabel, s.Seed, s.LastSuccess, s.BestSuccess, s.LastExpertSteps, s.FirstSuccessExpertSteps)));
        return rows;
    }
}
