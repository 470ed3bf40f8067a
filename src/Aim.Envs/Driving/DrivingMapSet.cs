namespace Aim.Envs.Driving;

/// <summary>
/// A contiguous range of map seeds, like MetaDrive's (<c>start_seed</c>, <c>num_scenarios</c>): every reset draws one
/// seed uniformly from it, and the seed alone fixes the road, hazards, traffic and spawn lane.
/// </summary>
/// <param name="StartSeed">The first map seed.</param>
/// <param name="Count">How many consecutive seeds the set holds (positive).</param>
public sealed record DrivingMapSet(int StartSeed, int Count)
{
    /// <summary>The number of consecutive seeds; must be positive.</summary>
    public int Count { get; init; } = Count > 0 ? Count : throw new ArgumentOutOfRangeException(nameof(Count), Count, "A map set needs at least one seed.");

    /// <summary>The seeds in order.</summary>
    public IEnumerable<int> Seeds => Enumerable.Range(StartSeed, Count);

    /// <summary>True when <paramref name="seed"/> belongs to the set.</summary>
    public bool Contains(int seed) => seed >= StartSeed && seed - StartSeed < Count;
}

/// <summary>The map sets of AIM's MetaDrive experiments.</summary>
public static class DrivingMaps
{
    /// <summary>Training maps: seeds 100–149 (AIM and PVP: <c>start_seed</c> 100, <c>num_scenarios</c> 50).</summary>
    public static DrivingMapSet Train { get; } = new(100, 50);

    /// <summary>Held-out test maps: seeds 1000–1049 (AIM's evaluation env: <c>start_seed</c> 1000, 50 scenarios).</summary>
    public static DrivingMapSet Test { get; } = new(1000, 50);

    /// <summary>A set holding only <paramref name="seed"/>.</summary>
    public static DrivingMapSet Single(int seed) => new(seed, 1);
}
