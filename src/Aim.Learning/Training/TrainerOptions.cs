namespace Aim.Learning.Training;

/// <summary>What counts toward <see cref="TrainerOptions.UpdateEvery"/>.</summary>
public enum UpdateSchedule
{
    /// <summary>
    /// New expert labels: an update per N new human-buffer samples (the MetaDrive code; every method's default,
    /// docs/decisions.md#one-update-schedule).
    /// </summary>
    ExpertLabels,

    /// <summary>Environment steps after the warm-up: an update per N steps (the AIM MiniGrid code: every step).</summary>
    EnvSteps,
}

/// <summary>The clock of <see cref="TrainerOptions.EvalEvery"/>.</summary>
public enum EvalClock
{
    /// <summary>Environment steps.</summary>
    EnvSteps,

    /// <summary>Expert-controlled steps (the AIM MiniGrid code's evaluation every 20 expert steps).</summary>
    ExpertSteps,
}

/// <summary>How byte (grid) observations become the networks' floats.</summary>
public enum ByteObservationScale
{
    /// <summary>Divided by the largest code of the space, so inputs fill [0, 1] (ours; docs/decisions.md#grid-input-scale).</summary>
    UnitRange,

    /// <summary>Divided by 255, as the AIM MiniGrid code does inside its network (inputs below 0.04).</summary>
    Divide255,
}

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
    /// Steps at the start in which the expert controls every step (counted as expert cost, like every expert step;
    /// docs/decisions.md#the-warm-up).
    /// Default 200 (our decision for the grid; AIM MiniGrid code: 400, MetaDrive code: 200).
    /// </summary>
    public int WarmUpSteps { get; init; } = 200;

    /// <summary>
    /// Train the policy during the warm-up too: after every warm-up step past this many, one update of the policy
    /// learner alone (its steps per update; the gate first learns at the end of the warm-up). 0 (default): the policy
    /// first trains at the end of the warm-up. The AIM MiniGrid code trains from step 11 (Stable-Baselines3's
    /// <c>learning_starts</c> 10), so the robot actions stored during its warm-up are those of a policy already
    /// imitating (docs/decisions.md#the-warm-up).
    /// </summary>
    public int LearningStarts { get; init; }

    /// <summary>
    /// A learning update runs each time this many new expert labels have arrived, or this many environment steps have
    /// passed (<see cref="UpdateSchedule"/>). Default 25 (the MetaDrive code's cadence, one rule for every method;
    /// docs/decisions.md#one-update-schedule).
    /// </summary>
    public int UpdateEvery { get; init; } = 25;

    /// <summary>What <see cref="UpdateEvery"/> counts. Default <see cref="Training.UpdateSchedule.ExpertLabels"/>.</summary>
    public UpdateSchedule UpdateSchedule { get; init; } = UpdateSchedule.ExpertLabels;

    /// <summary>Capacity of each of the human and agent buffers. Default 10,000 (AIM MiniGrid code).</summary>
    public int BufferCapacity { get; init; } = 10_000;

    /// <summary>
    /// Evaluate the deterministic policy every this many steps of <see cref="EvalClock"/>. Every run is evaluated once
    /// after the warm-up and once at the end whatever this is, so 0 means no evaluations in between (a cheap run that
    /// only needs its start and end; it writes a resume point once, after the first). Negative values are refused.
    /// Default 100.
    /// </summary>
    public int EvalEvery { get; init; } = 100;

    /// <summary>What <see cref="EvalEvery"/> counts. Default <see cref="Training.EvalClock.EnvSteps"/>.</summary>
    public EvalClock EvalClock { get; init; } = EvalClock.EnvSteps;

    /// <summary>
    /// What a Gaussian expert's label is: the executed sample or its mean (stored label, AIM's +1 mask, hand-back
    /// comparison, miss metric). Default <see cref="Training.ExpertLabel.Mean"/>, a deviation from the released code,
    /// which stores the sample (<see cref="Training.ExpertLabel.Sampled"/>): measured on the driving task
    /// (docs/decisions.md#the-expert-label-the-mean-action). Experts without a distribution (the grid experts) are
    /// deterministic, so the choice only matters for Gaussian ones.
    /// </summary>
    public ExpertLabel ExpertLabel { get; init; } = ExpertLabel.Mean;

    /// <summary>
    /// Observation entries the networks see as 0, comma-separated (e.g. "5,6": the driving task's last executed action,
    /// for the copycat check in docs/driving.md). Default "" (the whole observation).
    /// </summary>
    public string BlankObservation { get; init; } = string.Empty;

    /// <summary>The entries of <see cref="BlankObservation"/> as indices (a method, so run options do not record it twice).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An entry is not a non-negative integer.</exception>
    public IReadOnlyList<int> BlankedEntries() => [.. BlankObservation.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseEntry)];

    /// <summary>How byte observations are scaled for the networks. Default <see cref="ByteObservationScale.UnitRange"/>.</summary>
    public ByteObservationScale ObservationScale { get; init; } = ByteObservationScale.UnitRange;

    /// <summary>
    /// Episodes per evaluation, on held-out seeds. Default 50 (the AIM MiniGrid code's evaluation; docs/decisions.md#evaluation-protocol).
    /// </summary>
    public int EvalEpisodes { get; init; } = 50;

    /// <summary>First seed of the held-out evaluation layouts (seeds EvalSeedStart … + EvalEpisodes − 1). Default 1000.</summary>
    public int EvalSeedStart { get; init; } = 1_000;

    /// <summary>
    /// The simulated expert: <c>task</c> (the task's own: the shortest-path planner on the grid, the driving planner)
    /// or <c>sb3:PATH</c>, a Stable-Baselines3 zip (DQN for grid tasks, PPO for driving; docs/experts.md). Default
    /// <c>task</c>.
    /// </summary>
    public string Expert { get; init; } = TaskExpert;

    /// <summary>The value of <see cref="Expert"/> that selects the task's own expert.</summary>
    public const string TaskExpert = "task";

    /// <summary>The prefix of <see cref="Expert"/> values that name a Stable-Baselines3 zip.</summary>
    public const string Sb3Prefix = "sb3:";

    /// <summary>The zip named by <see cref="Expert"/> (null for the task's expert).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Sb3ExpertPath => Expert.StartsWith(Sb3Prefix, StringComparison.Ordinal) ? Expert[Sb3Prefix.Length..] : null;

    /// <summary>Write the per-step shared-control log (steps.csv). Default true.</summary>
    public bool LogSteps { get; init; } = true;

    /// <summary>
    /// Also write the run's scalars as TensorBoard event files in <c>{run}/tensorboard/</c> (<c>--tensorboard</c> on
    /// the command line). Default false.
    /// </summary>
    public bool TensorBoard { get; init; }

    /// <summary>
    /// Also write the run's collected data as a Minari dataset in <c>{run}/dataset/</c> (<c>--save-data</c> on the
    /// command line; a play session always does): every step, warm-up included, with who controlled it, the gate's
    /// score and threshold and the expert's label (docs/data.md). Default false.
    /// </summary>
    public bool SaveData { get; init; }

    /// <summary>
    /// A Minari dataset folder whose expert-labelled steps fill the human buffer before the warm-up: behaviour cloning
    /// from it (<c>--method bc --set demonstrations=PATH --set warm_up_steps=0</c>), or a warm-up from it for an
    /// interactive method. Its spaces must be the task's. Default "" (none).
    /// </summary>
    public string Demonstrations { get; init; } = string.Empty;

    /// <summary>
    /// How many of <see cref="Demonstrations"/>' expert-labelled steps to use, the first ones in the dataset's order
    /// (0: all of them). Default 0.
    /// </summary>
    public int DemonstrationSteps { get; init; }

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

        if (Expert != TaskExpert && Sb3ExpertPath is null)
        {
            throw new ArgumentOutOfRangeException(nameof(Expert), Expert, $"The expert must be '{TaskExpert}' or '{Sb3Prefix}PATH' (a Stable-Baselines3 zip).");
        }

        if (Sb3ExpertPath is string zip && !File.Exists(zip))
        {
            throw new ArgumentOutOfRangeException(nameof(Expert), Expert, $"No Stable-Baselines3 zip at '{Path.GetFullPath(zip)}'.");
        }

        _ = BlankedEntries();
        if (!Enum.IsDefined(ExpertLabel))
        {
            throw new ArgumentOutOfRangeException(nameof(ExpertLabel), ExpertLabel, "The expert label must be Sampled or Mean.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(LearningStarts);
        if (LearningStarts > 0 && LearningStarts >= WarmUpSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(LearningStarts), LearningStarts, $"Training during the warm-up must start before its last step ({WarmUpSteps}); 0 turns it off.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(DemonstrationSteps);
        if (Demonstrations.Length > 0 && !Directory.Exists(Demonstrations))
        {
            throw new ArgumentOutOfRangeException(nameof(Demonstrations), Demonstrations, $"No Minari dataset folder at '{Path.GetFullPath(Demonstrations)}'.");
        }

        if (DemonstrationSteps > 0 && Demonstrations.Length == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DemonstrationSteps), DemonstrationSteps, "demonstration_steps counts steps of a dataset: give the dataset with demonstrations=PATH.");
        }

        if (WarmUpSteps > TotalEnvSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmUpSteps), WarmUpSteps, $"The warm-up must not exceed the run's {TotalEnvSteps} steps.");
        }
    }

    private static int ParseEntry(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
            ? index
            : throw new ArgumentOutOfRangeException(nameof(BlankObservation), text, $"Blanked observation entries must be non-negative integers separated by commas; got '{text}'.");
}
