using Aim.Experiments.Results;

namespace Aim.Experiments.Reports;

/// <summary>Options of <see cref="ExperimentReport"/>.</summary>
public sealed record ReportOptions
{
    /// <summary>Page title. Default "Experiment report".</summary>
    public string Title { get; init; } = "Experiment report";

    /// <summary>
    /// Target test success of the expert-cost column. Default 0.8 (the project's goal for AIM: mean final
    /// success of 0.8 within 750 expert steps, docs/decisions.md#the-projects-target).
    /// </summary>
    public double TargetSuccess { get; init; } = 0.8;

    /// <summary>How curves are aligned and what their bands show.</summary>
    public CurveOptions Curves { get; init; } = new();

    /// <summary>Extra text under the title (plain text; escaped), for example the command that made the results.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Another implementation's measured runs of the report's task, drawn beside ours in every task's section
    /// (<see cref="ReportCharts.SuccessVsExpertCostBesideReference"/>); null (default): no such chart. A sweep sets it
    /// from its config's <c>reference</c> folder.
    /// </summary>
    public ReferenceRuns? Reference { get; init; }
}
