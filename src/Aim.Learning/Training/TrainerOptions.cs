namespace Aim.Learning.Training;

/// <summary>Options of the shared interactive-training harness (collection, budget, evaluation).</summary>
public sealed record TrainerOptions
{
    /// <summary>Seed of the run: the environment's layouts, the networks' initialisation and every sampled batch. Default 0.</summary>
    public int Seed { get; init; }

    /// <summary>Environment steps in the run, warm-up included. Default 2,000 (the AIM MiniGrid script).</summary>
    public int TotalEnvSteps { get; init; } = 2_000;

    /// <summary>Stop early once the expert has controlled this many steps (null: no expert budget). Default null.</summary>
    public int? ExpertBudget { get; init; }

    /// <summary>
    /// Steps at the start in which the expert controls every step (DESIGN A4; counted as expert cost).
    /// Default 200 (our decision for the grid; AIM MiniGrid code: 400, MetaDrive code: 200).
    /// </summary>
    public int WarmUpSteps { get; init; } = 200;

    /// <summary>A learning update runs each time this many new expert labels have arrived (DESIGN A12). Default 25.</summary>
    public int UpdateEvery { get; init; } = 25;

    /// <summary>Capacity of each of the human and agent buffers. Default 10,000 (AIM MiniGrid code).</summary>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>Evaluate the deterministic policy every this many environment steps (0: only at the end). Default 100.</summary>
    public int EvalEvery { get; init; } = 100;

    /// <summary>Episodes per evaluation, on held-out seeds. Default 50 (DESIGN A11).</summary>
    public int EvalEpisodes { get; init; } = 50;

    /// <summary>First seed of the held-out evaluation layouts (seeds EvalSeedStart … + EvalEpisodes − 1). Default 1000.</summary>
    public int EvalSeedStart { get; init; } = 1_000;

    /// <summary>Write the per-step shared-control log (steps.csv). Default true.</summary>
    public bool LogSteps { get; init; } = true;

    /// <summary>Throws when a value is out of range, naming it and what was expected.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TotalEnvSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(WarmUpSteps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(UpdateEvery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BufferCapacity);
        ArgumentOutOfRangeException.ThrowIfNegative(EvalEvery);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EvalEpisodes);
        if (ExpertBudget is int budget && budget < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ExpertBudget), budget, "The expert budget must not be negative.");
        }

        if (WarmUpSteps > TotalEnvSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmUpSteps), WarmUpSteps, $"The warm-up must not exceed the run's {TotalEnvSteps} steps.");
        }
    }
}
