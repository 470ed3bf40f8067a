namespace Aim.Learning.Learners;

/// <summary>Options of the shared behaviour-cloning learner (cross-entropy for discrete actions, MSE for continuous).</summary>
public sealed record BcOptions
{
    /// <summary>Adam learning rate. Default 1e-3 (our decision for the grid; the AIM MetaDrive code uses 1e-4 at batch 1024).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Samples per gradient step. Default 128 (AIM MetaDrive code: 1024; grid code: 200).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Gradient steps per policy update. Default 100 (AIM MetaDrive code: 25 × 5 = 125 per 25 new labels).</summary>
    public int StepsPerUpdate { get; init; } = 100;

    /// <summary>Gradient steps of the initial fit after warm-up. Default 1000 (AIM MetaDrive code: 200 × 5).</summary>
    public int InitialSteps { get; init; } = 1000;

    /// <summary>
    /// Train on a fresh bootstrap resample of the human buffer at every update (AIM MetaDrive code, Thrifty's members).
    /// Default false.
    /// </summary>
    public bool Bootstrap { get; init; }

    /// <summary>
    /// The learner every method that learns by behaviour cloning shares on the driving tasks, as in the AIM code's
    /// MetaDrive baselines: lr 3e-4, batch 256, 2,000 initial steps and 200 more per 25 new labels, bootstrap
    /// resampling (fewer steps underfit: docs/driving.md). The methods' driving presets start from it.
    /// </summary>
    public static BcOptions Driving { get; } = new()
    {
        LearningRate = 3e-4,
        BatchSize = 256,
        StepsPerUpdate = 200,
        InitialSteps = 2_000,
        Bootstrap = true,
    };

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegative(StepsPerUpdate);
        ArgumentOutOfRangeException.ThrowIfNegative(InitialSteps);
    }
}
