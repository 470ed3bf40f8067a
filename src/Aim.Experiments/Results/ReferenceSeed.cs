namespace Aim.Experiments.Results;

/// <summary>What is known of one seed of a reference run (a row of <c>seeds.csv</c>, see <see cref="ReferenceRuns"/>).</summary>
/// <param name="Seed">The seed.</param>
/// <param name="LastExpertSteps">Expert-controlled steps at the last evaluation.</param>
/// <param name="LastSuccess">Test success at the last evaluation.</param>
/// <param name="BestExpertSteps">Expert-controlled steps at the best evaluation.</param>
/// <param name="BestSuccess">Test success at the best evaluation.</param>
/// <param name="FirstSuccessExpertSteps">Expert-controlled steps at the first evaluation with any success.</param>
/// <param name="HumanBufferAtEnd">Expert transitions stored when the run ended.</param>
public sealed record ReferenceSeed(int Seed, int LastExpertSteps, double LastSuccess, int BestExpertSteps, double BestSuccess, int FirstSuccessExpertSteps, int HumanBufferAtEnd);
