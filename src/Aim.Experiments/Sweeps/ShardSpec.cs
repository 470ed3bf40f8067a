using System.Globalization;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/> (zero-based, "i/N" on the command line): run i of a sweep's plan
/// belongs to shard i mod N, so every shard gets an even, deterministic share and the shards cover the plan exactly once.
/// </summary>
/// <param name="Index">This shard, 0 ≤ Index &lt; Count.</param>
/// <param name="Count">Number of shards, ≥ 1.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole sweep as one shard.</summary>
    public static ShardSpec All => new(0, 1);

    /// <summary>Parses "i/N" (for example <c>$SLURM_ARRAY_TASK_ID/$SHARDS</c>, a fixed count so that a resubmitted task computes the same shard).</summary>
    /// <exception cref="ArgumentException">Not "i/N" with integers 0 ≤ i &lt; N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index < count)
        {
            return new ShardSpec(index, count);
        }

        throw new ArgumentException($"Bad shard '{text}': expected i/N with 0 <= i < N, for example 0/4 (the first of four shards).", nameof(text));
    }

    /// <summary>True when run <paramref name="runIndex"/> of the plan belongs to this shard.</summary>
    public bool Contains(int runIndex) => runIndex % Count == Index;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
