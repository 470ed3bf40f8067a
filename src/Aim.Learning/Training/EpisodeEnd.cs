namespace Aim.Learning.Training;

/// <summary>A finished training episode.</summary>
/// <param name="Episode">Its index (0-based, warm-up episodes included).</param>
/// <param name="Length">Steps it lasted.</param>
/// <param name="Return">Sum of its rewards.</param>
/// <param name="Success">Whether it ended in success.</param>
/// <param name="ExpertSteps">Steps of it the expert controlled.</param>
/// <param name="EnvSteps">Environment steps of the run when it ended.</param>
public readonly record struct EpisodeEnd(int Episode, int Length, double Return, bool Success, int ExpertSteps, long EnvSteps);
