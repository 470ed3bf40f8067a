namespace Aim.Experiments.Results;

/// <summary>One evaluation of a reference run (a row of <c>evaluations.csv</c>, see <see cref="ReferenceRuns"/>).</summary>
/// <param name="Seed">The run's seed.</param>
/// <param name="EnvSteps">Environment steps when the evaluation was triggered.</param>
/// <param name="ExpertSteps">Expert-controlled steps so far (the x axis of success against expert cost).</param>
/// <param name="Success">Test success rate, in [0, 1].</param>
/// <param name="MeanEpisodeLength">Mean length of the test episodes.</param>
public sealed record ReferenceEvaluation(int Seed, int EnvSteps, int ExpertSteps, double Success, double MeanEpisodeLength);
