namespace Aim.Learning.Datasets;

/// <summary>
/// One episode of a Minari dataset (<c>episode_{id}</c> in <c>main_data.hdf5</c>): <c>observations</c> one row longer
/// than <c>actions</c> (the first is the reset's), per-step <c>rewards</c>, <c>terminations</c> and <c>truncations</c>,
/// the reset <c>seed</c> when there was one, and <c>infos</c>, one row per observation.
/// </summary>
public sealed class MinariEpisode
{
    /// <summary>Creates the episode and checks that the row counts agree.</summary>
    /// <exception cref="ArgumentException">A count does not agree with the number of steps (the message names the dataset).</exception>
    public MinariEpisode(
        int id,
        MinariColumn observations,
        MinariColumn actions,
        double[] rewards,
        bool[] terminations,
        bool[] truncations,
        long? seed = null,
        IReadOnlyDictionary<string, MinariColumn>? infos = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        Id = id;
        Observations = observations ?? throw new ArgumentNullException(nameof(observations));
        Actions = actions ?? throw new ArgumentNullException(nameof(actions));
        Rewards = rewards ?? throw new ArgumentNullException(nameof(rewards));
        Terminations = terminations ?? throw new ArgumentNullException(nameof(terminations));
        Truncations = truncations ?? throw new ArgumentNullException(nameof(truncations));
        Seed = seed;
        Infos = infos ?? new Dictionary<string, MinariColumn>();
        int steps = rewards.Length;
        Check(observations.Rows, steps + 1, "observations");
        Check(actions.Rows, steps, "actions");
        Check(terminations.Length, steps, "terminations");
        Check(truncations.Length, steps, "truncations");
        foreach ((string key, MinariColumn column) in Infos)
        {
            Check(column.Rows, steps + 1, "infos/" + key);
        }
    }

    /// <summary>The episode's index in the dataset (the <c>id</c> attribute).</summary>
    public int Id { get; }

    /// <summary>Steps in the episode (the <c>total_steps</c> attribute).</summary>
    public int Steps => Rewards.Length;

    /// <summary>Observations, one more than the steps: the reset's, then each step's.</summary>
    public MinariColumn Observations { get; }

    /// <summary>The action executed at each step.</summary>
    public MinariColumn Actions { get; }

    /// <summary>The environment's reward of each step.</summary>
    public double[] Rewards { get; }

    /// <summary>Whether each step ended the episode inside the task.</summary>
    public bool[] Terminations { get; }

    /// <summary>Whether each step ended the episode by a limit (a time limit, or the end of the run or session).</summary>
    public bool[] Truncations { get; }

    /// <summary>The seed the environment was reset with (null: the reset continued the environment's stream).</summary>
    public long? Seed { get; }

    /// <summary>Per-observation extras by name (<see cref="MinariInfoKeys"/>); row 0 goes with the reset.</summary>
    public IReadOnlyDictionary<string, MinariColumn> Infos { get; }

    private static void Check(int actual, int expected, string name)
    {
        if (actual != expected)
        {
            throw new ArgumentException($"Episode dataset '{name}' has {actual} rows where {expected} were expected.");
        }
    }
}
