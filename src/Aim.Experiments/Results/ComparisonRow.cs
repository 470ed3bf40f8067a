namespace Aim.Experiments.Results;

/// <summary>One row of the comparison table (the AIM paper's shape), every number over seeds.</summary>
/// <param name="Task">Task name.</param>
/// <param name="Method">Method name.</param>
/// <param name="Variant">Non-default settings of the row's runs (empty for defaults).</param>
/// <param name="Gating">"✓" robot-gated, "✗" human-gated, "–" expert data only; "?" when runs disagree.</param>
/// <param name="Seeds">Runs in the row.</param>
/// <param name="ExpertData">Expert takeover cost at the end.</param>
/// <param name="ExpertRate">Expert data / total data.</param>
/// <param name="TotalData">Environment steps at the end.</param>
/// <param name="FinalSuccess">Test success of the final checkpoint.</param>
/// <param name="BestSuccess">Test success of the best checkpoint.</param>
/// <param name="Return">Mean test return of the final checkpoint.</param>
/// <param name="RouteCompletion">Route completion of the final checkpoint (empty on grid tasks).</param>
/// <param name="CostToTarget">Expert cost to first reach the target success, over the runs that reached it.</param>
public sealed record ComparisonRow(
    string Task,
    string Method,
    string Variant,
    string Gating,
    int Seeds,
    SeedStat ExpertData,
    SeedStat ExpertRate,
    SeedStat TotalData,
    SeedStat FinalSuccess,
    SeedStat BestSuccess,
    SeedStat Return,
    SeedStat RouteCompletion,
    SeedStat CostToTarget)
{
    /// <summary>The row's label: the method, then the variant when there is one.</summary>
    public string Label => Variant.Length == 0 ? Method : $"{Method} ({Variant})";

    /// <summary>"1.9K (0.24)": expert data in thousands, then its rate, as in the paper.</summary>
    public string ExpertDataText => ExpertData.Count == 0 ? "–" : $"{Thousands(ExpertData.Mean)} ({ExpertRate.Mean:0.00})";

    /// <summary>Total data in thousands ("7.7K").</summary>
    public string TotalDataText => TotalData.Count == 0 ? "–" : Thousands(TotalData.Mean);

    /// <summary>"612 ± 40 (3/5)": expert cost to the target and how many runs reached it.</summary>
    public string CostToTargetText => CostToTarget.Count == 0 ? $"– (0/{Seeds})" : $"{CostToTarget.Format("0")} ({CostToTarget.Count}/{Seeds})";

    private static string Thousands(double value) =>
        value >= 1000 ? (value / 1000).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "K" : value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
}
