namespace Aim.Learning.Logging;

/// <summary>How far a run had got at a resume point: the rows its logs held then.</summary>
/// <param name="Evaluations">Rows of metrics.csv (evaluations done).</param>
/// <param name="Episodes">Rows of episodes.csv (training episodes finished).</param>
/// <param name="EnvSteps">Rows of steps.csv (environment steps taken).</param>
public readonly record struct RunPosition(long Evaluations, long Episodes, long EnvSteps);
