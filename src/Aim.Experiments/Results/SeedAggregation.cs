using Deedle;

namespace Aim.Experiments.Results;

/// <summary>
/// Cross-seed aggregation and ablation pivots of per-run frames (<see cref="ResultSet.ToRunFrame"/>) with Deedle.
/// </summary>
/// <remarks>
/// Each aggregated metric <c>m</c> gives four columns: <c>m_mean</c>, <c>m_std</c> (sample, n − 1), <c>m_ci95</c>
/// (half-width of the t-based 95 % interval, see <see cref="SeedStat"/>) and <c>m_n</c> (finite values). Missing and
/// NaN values are skipped, so a run that never reached a target does not count in its expert-cost mean.
/// </remarks>
public static class SeedAggregation
{
    /// <summary>Groups the rows of <paramref name="runs"/> by <paramref name="groupBy"/> and aggregates <paramref name="metrics"/>.</summary>
    /// <exception cref="ArgumentException">A named column is not in the frame.</exception>
    public static Frame<int, string> Aggregate(Frame<int, string> runs, IReadOnlyList<string> groupBy, IReadOnlyList<string> metrics)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(groupBy);
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (string column in groupBy.Concat(metrics))
        {
            if (!runs.ColumnKeys.Contains(column))
            {
                throw new ArgumentException($"No column '{column}'. Columns: {string.Join(", ", runs.ColumnKeys)}.", nameof(runs));
            }
        }

        if (runs.RowCount == 0)
        {
            throw new ArgumentException("No runs to aggregate.", nameof(runs));
        }

        Frame<int, string> stats = runs.AggregateRowsBy<double, SeedStat>(groupBy, metrics, s => SeedStat.Of(s.Values));
        Frame<int, string> result = stats.Columns[groupBy.ToArray()].Clone();
        foreach (string metric in metrics)
        {
            Series<int, SeedStat> column = stats.GetColumn<SeedStat>(metric);
            result.AddColumn(metric + "_mean", column.Select(kv => kv.Value.Mean));
            result.AddColumn(metric + "_std", column.Select(kv => kv.Value.Std));
            result.AddColumn(metric + "_ci95", column.Select(kv => kv.Value.Ci95));
            result.AddColumn(metric + "_n", column.Select(kv => kv.Value.Count));
        }

        return result;
    }

    /// <summary>The rows of <paramref name="runs"/> where <paramref name="column"/> has a value (for example the runs that set an option).</summary>
    public static Frame<int, string> WithValue(Frame<int, string> runs, string column)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Where(row => row.Value.TryGetAs<object>(column).HasValue);
    }

    /// <summary>
    /// An ablation pivot: one row per value of <paramref name="rowKey"/> (an option such as <c>delta</c>), one column per
    /// value of <paramref name="columnKey"/> (such as <c>Method</c>), each cell the mean of <paramref name="metric"/> over seeds.
    /// </summary>
    public static Frame<string, string> Pivot(Frame<int, string> runs, string rowKey, string columnKey, string metric)
    {
        ArgumentNullException.ThrowIfNull(runs);
        Frame<int, string> present = WithValue(WithValue(WithValue(runs, rowKey), columnKey), metric);
        return present.PivotTable<int, string, string, string, double>(
            rowKey,
            columnKey,
            f => SeedStat.Of(f.GetColumn<double>(metric).Values).Mean);
    }

    /// <summary>Writes <paramref name="frame"/> as CSV (invariant culture, no index column).</summary>
    public static void SaveCsv<TRow>(Frame<TRow, string> frame, string path)
    {
        ArgumentNullException.ThrowIfNull(frame);
        CsvTable.Write(path, frame.ColumnKeys.ToArray(), frame.Rows.Values.Select(r => frame.ColumnKeys.Select(c => r.TryGetAs<object>(c)).Select(o => o.HasValue ? o.Value : null).ToArray()));
    }
}
