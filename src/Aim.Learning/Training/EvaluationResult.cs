namespace Aim.Learning.Training;

/// <summary>Test performance of the deterministic policy over held-out episodes.</summary>
/// <param name="Episodes">Episodes run.</param>
/// <param name="SuccessRate">Fraction of episodes that reached the goal.</param>
/// <param name="MeanReturn">Mean episodic return (reporting only: learning is reward-free).</param>
/// <param name="MeanLength">Mean episode length.</param>
/// <param name="MeanCost">Mean episodic safety cost (lava, crashes).</param>
/// <param name="MeanRouteCompletion">Mean route completion (NaN where the task has no route).</param>
public sealed record EvaluationResult(int Episodes, double SuccessRate, double MeanReturn, double MeanLength, double MeanCost, double MeanRouteCompletion);
