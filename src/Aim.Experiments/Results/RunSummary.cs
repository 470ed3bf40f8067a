namespace Aim.Experiments.Results;

/// <summary>One run reduced to the numbers a comparison table needs (a row of <see cref="ResultSet.ToRunFrame"/>).</summary>
/// <param name="Task">Task name.</param>
/// <param name="Method">Method name.</param>
/// <param name="Variant">Non-default settings ("key=value, …"; empty for defaults).</param>
/// <param name="Series">Method plus variant: the label of the run's series.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Gating">"✓" robot-gated, "✗" human-gated, "–" expert data only (see <see cref="RunRecord.Gating"/>).</param>
/// <param name="Evaluations">Evaluations logged.</param>
/// <param name="EnvSteps">Environment steps at the end (the total data).</param>
/// <param name="ExpertData">Expert takeover cost at the end (expert-controlled steps, warm-up included).</param>
/// <param name="ExpertRate">ExpertData / EnvSteps.</param>
/// <param name="FinalSuccess">Test success at the last evaluation (final checkpoint).</param>
/// <param name="BestSuccess">Best test success over the run (best checkpoint).</param>
/// <param name="FinalReturn">Mean test return at the last evaluation.</param>
/// <param name="FinalRouteCompletion">Mean test route completion at the last evaluation (NaN on grid tasks).</param>
/// <param name="CostToTarget">Expert cost when test success first reached the target (NaN if never).</param>
/// <param name="Seconds">Wall-clock seconds of training at the last evaluation.</param>
public sealed record RunSummary(
    string Task,
    string Method,
    string Variant,
    string Series,
    int Seed,
    string Gating,
    int Evaluations,
    double EnvSteps,
    double ExpertData,
    double ExpertRate,
    double FinalSuccess,
    double BestSuccess,
    double FinalReturn,
    double FinalRouteCompletion,
    double CostToTarget,
    double Seconds);
