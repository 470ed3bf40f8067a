using System.Globalization;
using System.Net;
using System.Text;
using Aim.Core.IO;
using Aim.Experiments.Charts;
using Aim.Experiments.Results;
using Aim.Learning.Training;
using Plotly.NET;

namespace Aim.Experiments.Reports;

/// <summary>
/// A self-contained HTML report of a set of runs: the comparison table, then per task the learning curves (success vs
/// expert cost and vs env steps), intervention rate, realised vs target switch rate, and β, ε and mean Q^I when logged.
/// plotly.js is inlined once, so the page opens offline.
/// </summary>
public static class ExperimentReport
{
    private const string Style = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 24px 40px; color: #222; max-width: 1100px; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { margin-top: 1.6em; border-bottom: 1px solid #ddd; } h3 { margin-top: 1.2em; }
        .meta { color: #555; } .note { color: #555; font-size: 0.9em; } .warning { color: #8a4b00; background: #fff4e0; padding: 0.4em 0.6em; }
        table.comparison { border-collapse: collapse; margin: 0.8em 0; font-size: 0.88em; }
        table.comparison th, table.comparison td { border: 1px solid #ccc; padding: 4px 8px; text-align: right; white-space: nowrap; }
        table.comparison th { white-space: normal; vertical-align: bottom; }
        table.comparison th { background: #f3f3f3; } table.comparison td:nth-child(-n+2) { text-align: left; }
        .chart { margin: 0.6em 0 1.4em 0; }
        """;

    /// <summary>The report as one HTML document.</summary>
    public static string ToHtml(ResultSet results, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        options ??= new ReportOptions();
        var table = ComparisonTable.Build(results, options.TargetSuccess);
        var palette = new SeriesPalette(results.Series);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(WebUtility.HtmlEncode(options.Title)).Append("</title><style>")
            .Append(Style).Append("</style>").Append(OfflinePlotly.LibraryScriptTag()).Append("</head><body>");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(options.Title)).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(WebUtility.HtmlEncode(Describe(results))).Append("</p>");
        if (results.CommonSettings.Count > 0)
        {
            html.Append("<p class=\"meta\">Settings of every run: ")
                .Append(WebUtility.HtmlEncode(string.Join(", ", results.CommonSettings.Select(p => $"{p.Key}={p.Value}")))).Append("</p>");
        }

        if (results.NumericPathWarning is string numericWarning)
        {
            html.Append("<p class=\"warning\">Warning: ").Append(WebUtility.HtmlEncode(numericWarning)).Append("</p>");
        }

        if (options.Note is not null)
        {
            html.Append("<p class=\"note\">").Append(WebUtility.HtmlEncode(options.Note)).Append("</p>");
        }

        html.Append("<h2>Comparison</h2>").Append(table.ToHtml());
        html.Append("<p class=\"note\">Mean ± sample standard deviation over seeds. Expert data: expert-controlled steps, warm-up included "
            + "(rate = expert data / total data). Success (final) is the last checkpoint's test success, Success (best) the best checkpoint's; "
            + "return is the final checkpoint's. Expert cost to the target is averaged over the runs that reached it (count in brackets). "
            + "Robot-gated: ✓ the robot asks for help, ✗ a (simulated) human decides, – expert data only.</p>");

        foreach (string task in results.Tasks)
        {
            ResultSet runs = results.ForTask(task);
            html.Append("<h2>").Append(WebUtility.HtmlEncode(task)).Append("</h2>");
            html.Append("<p class=\"note\">Lines: mean over seeds; bands: ")
                .Append(options.Curves.Band == BandKind.Std ? "± one standard deviation" : "± the 95 % t-interval of the mean")
                .Append(options.Curves.Interpolation == CurveInterpolation.StepHold ? "; each run holds its last evaluation until the next." : "; runs interpolated linearly between evaluations.")
                .Append("</p>");
            if (options.Reference is ReferenceRuns reference)
            {
                html.Append("<p class=\"note\">The second chart draws the measurements in <code>")
                    .Append(WebUtility.HtmlEncode(Path.GetFileName(reference.Folder)))
                    .Append("</code> (its README.md says how they were taken) beside these runs: black and grey points are the released code's, not ours.</p>");
            }

            foreach (GenericChart chart in Charts(runs, options.Curves, palette, options.Reference))
            {
                html.Append("<div class=\"chart\">").Append(OfflinePlotly.ToFragment(chart)).Append("</div>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    /// <summary>Writes the report to <paramref name="path"/> (atomically) and returns its full path.</summary>
    public static string Write(ResultSet results, string path, ReportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string html = ToHtml(results, options);
        return AtomicFile.WriteByPath(full, temp => File.WriteAllText(temp, html, new UTF8Encoding(false)));
    }

    /// <summary>
    /// The charts of one task's runs, in report order: success against expert cost, then (with
    /// <paramref name="reference"/>) the same beside the reference's runs, then the rest (the β, ε and Q^I charts only
    /// when a run logged them, ε only when not all zero).
    /// </summary>
    public static IReadOnlyList<GenericChart> Charts(ResultSet runs, CurveOptions? curves = null, SeriesPalette? palette = null, ReferenceRuns? reference = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        palette ??= new SeriesPalette(runs.Series);
        var charts = new List<GenericChart> { ReportCharts.SuccessVsExpertCost(runs, curves, palette) };
        if (reference is not null)
        {
            charts.Add(ReportCharts.SuccessVsExpertCostBesideReference(runs, reference, curves, palette));
        }

        charts.Add(ReportCharts.SuccessVsEnvSteps(runs, curves, palette));
        charts.Add(ReportCharts.InterventionRate(runs, curves, palette));
        charts.Add(ReportCharts.SwitchRate(runs, curves, palette));
        if (runs.Has(ReportCharts.BetaMetric))
        {
            charts.Add(ReportCharts.Beta(runs, curves, palette));
        }

        // ε is 0 for discrete actions (any different action deviates): a flat zero line says nothing.
        if (runs.Runs.Any(r => r.Column(ReportCharts.EpsilonMetric).Any(v => double.IsFinite(v) && v != 0)))
        {
            charts.Add(ReportCharts.Epsilon(runs, curves, palette));
        }

        if (runs.Has(ReportCharts.QRobotMetric))
        {
            charts.Add(ReportCharts.QRobot(runs, curves, palette));
        }

        // AIM's signature, on tasks that have safety-critical states the robot met (grid tasks with lava, driving).
        if (runs.Runs.Any(r => r.Final(MetricNames.SafetyCriticalDecisions) > 0))
        {
            charts.Add(ReportCharts.SafetyCriticalRequests(runs));
            if (runs.Runs.Any(r => r.Method == "aim" && double.IsFinite(r.Final(MetricNames.ScoreSafetyCritical))))
            {
                charts.Add(ReportCharts.SafetyCriticalQ(runs));
            }
        }

        return charts;
    }

    private static string Describe(ResultSet results)
    {
        int seeds = results.Runs.Select(r => r.Seed).Distinct().Count();
        string methods = string.Join(", ", results.Runs.Select(r => r.Method).Distinct());
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{results.Runs.Count} runs: tasks {string.Join(", ", results.Tasks)}; methods {methods}; {seeds} seed(s). Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.");
    }
}
