using System.Globalization;
using System.Net;
using System.Text;
using Deedle;

namespace Aim.Experiments.Results;

/// <summary>
/// The comparison table in the AIM paper's shape (method, robot-gated, expert data (rate), total data, success, return,
/// route completion; mean ± std over seeds), with best and final checkpoint success and the expert cost to reach a
/// target success. One row per task × method × variant, aggregated with Deedle (<see cref="SeedAggregation"/>).
/// </summary>
public sealed class ComparisonTable
{
    private static readonly string[] s_groups = ["Task", "Method", "Variant"];
    private static readonly string[] s_metrics = ["ExpertData", "ExpertRate", "EnvSteps", "FinalSuccess", "BestSuccess", "FinalReturn", "FinalRouteCompletion", "CostToTarget"];

    private ComparisonTable(IReadOnlyList<ComparisonRow> rows, double targetSuccess)
    {
        Rows = rows;
        TargetSuccess = targetSuccess;
    }

    /// <summary>The rows, in the result set's order (task, method in catalog order, variant).</summary>
    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>The target test success of <see cref="ComparisonRow.CostToTarget"/>.</summary>
    public double TargetSuccess { get; }

    /// <summary>Builds the table of <paramref name="results"/>.</summary>
    /// <param name="results">The runs.</param>
    /// <param name="targetSuccess">
    /// Target test success for the expert-cost column. Default 0.8 (the project's goal for AIM: mean final success of
    /// 0.8 within 750 expert steps, docs/decisions.md#the-projects-target).
    /// </param>
    public static ComparisonTable Build(ResultSet results, double targetSuccess = 0.8)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Runs.Count == 0)
        {
            return new ComparisonTable([], targetSuccess);
        }

        Frame<int, string> runs = results.ToRunFrame(targetSuccess);
        Frame<int, string> stats = SeedAggregation.Aggregate(runs, s_groups, s_metrics);
        var byKey = stats.Rows.Values.ToDictionary(r => (r.GetAs<string>("Task"), r.GetAs<string>("Method"), r.GetAs<string>("Variant")));
        var rows = new List<ComparisonRow>();
        foreach (var group in results.Runs.GroupBy(r => (r.Task, r.Method, r.Variant)))
        {
            ObjectSeries<string> s = byKey[group.Key];
            string[] gating = group.Select(r => r.Gating).Distinct().ToArray();
            rows.Add(new ComparisonRow(
                group.Key.Task,
                group.Key.Method,
                group.Key.Variant,
                gating.Length == 1 ? gating[0] : "?",
                group.Count(),
                Stat(s, "ExpertData"),
                Stat(s, "ExpertRate"),
                Stat(s, "EnvSteps"),
                Stat(s, "FinalSuccess"),
                Stat(s, "BestSuccess"),
                Stat(s, "FinalReturn"),
                Stat(s, "FinalRouteCompletion"),
                Stat(s, "CostToTarget")));
        }

        return new ComparisonTable(rows, targetSuccess);
    }

    /// <summary>The CSV header, in column order.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } = new[]
    {
        "task", "method", "variant", "robot_gated", "seeds",
        "expert_data_mean", "expert_data_std", "expert_rate_mean", "expert_rate_std", "total_data_mean", "total_data_std",
        "final_success_mean", "final_success_std", "final_success_ci95",
        "best_success_mean", "best_success_std", "best_success_ci95",
        "return_mean", "return_std", "route_completion_mean", "route_completion_std",
        "target_success", "cost_to_target_mean", "cost_to_target_std", "reached_target",
    };

    /// <summary>Writes the table as CSV (one row per task × method × variant; numbers unformatted).</summary>
    public void WriteCsv(string path) => CsvTable.Write(path, CsvHeader, Rows.Select(r => new object?[]
    {
        r.Task, r.Method, r.Variant, r.Gating, r.Seeds,
        r.ExpertData.Mean, r.ExpertData.Std, r.ExpertRate.Mean, r.ExpertRate.Std, r.TotalData.Mean, r.TotalData.Std,
        r.FinalSuccess.Mean, r.FinalSuccess.Std, r.FinalSuccess.Ci95,
        r.BestSuccess.Mean, r.BestSuccess.Std, r.BestSuccess.Ci95,
        r.Return.Mean, r.Return.Std, r.RouteCompletion.Mean, r.RouteCompletion.Std,
        TargetSuccess, r.CostToTarget.Mean, r.CostToTarget.Std, r.CostToTarget.Count,
    }));

    /// <summary>True when any row has a route completion (driving tasks); otherwise the displayed table leaves the column out.</summary>
    public bool HasRouteCompletion => Rows.Any(r => r.RouteCompletion.Count > 0);

    /// <summary>The displayed columns' titles (used by <see cref="ToCells"/>, <see cref="ToText"/> and <see cref="ToHtml"/>).</summary>
    public IReadOnlyList<string> DisplayHeader => Displayed(new[]
    {
        "Task", "Method", "Robot-gated", "Seeds", "Expert data (rate)", "Total data", "Success (final)", "Success (best)", "Return",
        "Route completion", $"Expert cost to success ≥ {TargetSuccess.ToString("0.##", CultureInfo.InvariantCulture)}",
    });

    /// <summary>The displayed rows as formatted cells ("0.63 ± 0.05").</summary>
    public IReadOnlyList<string[]> ToCells() => Rows.Select(r => Displayed(new[]
    {
        r.Task, r.Label, r.Gating, r.Seeds.ToString(CultureInfo.InvariantCulture), r.ExpertDataText, r.TotalDataText,
        r.FinalSuccess.Format(), r.BestSuccess.Format(), r.Return.Format(), r.RouteCompletion.Format(), r.CostToTargetText,
    })).ToArray();

    /// <summary>A fixed-width text table (for logs and redirected output).</summary>
    public string ToText()
    {
        IReadOnlyList<string> header = DisplayHeader;
        IReadOnlyList<string[]> cells = ToCells();
        int[] widths = header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        text.AppendLine(string.Join("  ", header.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (string[] row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    /// <summary>An HTML table (class <c>comparison</c>), the best final success per task in bold.</summary>
    public string ToHtml()
    {
        IReadOnlyList<string[]> cells = ToCells();
        var best = Rows.GroupBy(r => r.Task).ToDictionary(g => g.Key, g => g.Max(r => double.IsFinite(r.FinalSuccess.Mean) ? r.FinalSuccess.Mean : double.MinValue));
        var html = new StringBuilder("<table class=\"comparison\"><thead><tr>");
        foreach (string h in DisplayHeader)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        for (int i = 0; i < Rows.Count; i++)
        {
            html.Append("<tr>");
            for (int c = 0; c < cells[i].Length; c++)
            {
                bool bold = c == 6 && Rows[i].FinalSuccess.Mean == best[Rows[i].Task] && Rows.Count > 1;
                string cell = WebUtility.HtmlEncode(cells[i][c]);
                html.Append("<td>").Append(bold ? $"<b>{cell}</b>" : cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <inheritdoc />
    public override string ToString() => ToText();

    // The route completion column (index 9) only where some row has one.
    private string[] Displayed(string[] cells) => HasRouteCompletion ? cells : cells.Where((_, i) => i != 9).ToArray();

    // Deedle reads NaN as a missing value, so every cell is read optionally.
    private static SeedStat Stat(ObjectSeries<string> row, string metric)
    {
        OptionalValue<int> count = row.TryGetAs<int>(metric + "_n");
        return SeedStat.FromMoments(Number(row, metric + "_mean"), Number(row, metric + "_std"), count.HasValue ? count.Value : 0);
    }

    private static double Number(ObjectSeries<string> row, string column)
    {
        OptionalValue<double> value = row.TryGetAs<double>(column);
        return value.HasValue ? value.Value : double.NaN;
    }
}
