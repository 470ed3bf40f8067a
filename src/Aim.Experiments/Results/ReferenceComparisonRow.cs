namespace Aim.Experiments.Results;

/// <summary>
/// One seed's ending beside another implementation's: a row of <see cref="ReferenceComparison.PerSeed"/>.
/// </summary>
/// <param name="Source">"ours" (with the series when there are several) or <see cref="Reports.ReportCharts.ReferenceLabel"/>.</param>
/// <param name="Seed">The seed.</param>
/// <param name="FinalSuccess">Test success at the last evaluation.</param>
/// <param name="BestSuccess">The best evaluation's test success.</param>
/// <param name="LastExpertSteps">Expert-controlled steps at the last evaluation.</param>
/// <param name="FirstSuccessExpertSteps">Expert-controlled steps at the first evaluation with any success (NaN: none had).</param>
public sealed record ReferenceComparisonRow(string Source, int Seed, double FinalSuccess, double BestSuccess, double LastExpertSteps, double FirstSuccessExpertSteps);
