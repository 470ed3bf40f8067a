using Aim.Core.Random;

namespace Aim.Experiments.Running;

/// <summary>
/// The random streams of one run. One root <c>new Rng(seed)</c> is split once per stochastic component, always in this
/// order, whichever components the run uses: first <see cref="Method"/>, then <see cref="Sb3Expert"/>. A component
/// added later takes the next split, so the earlier streams, and the runs recorded with them, do not move.
/// </summary>
/// <remarks>
/// The harness seeds its environments itself (<c>Reset(seed)</c>) and TorchSharp is seeded with the seed directly; neither
/// draws from these streams.
/// </remarks>
internal sealed class RunStreams
{
    private readonly int _seed;

    /// <summary>Splits the streams of a run with seed <paramref name="seed"/>.</summary>
    public RunStreams(int seed)
    {
        _seed = seed;
        var root = new Rng(seed);
        Method = root.Split();
        Sb3Expert = root.Split();
    }

    /// <summary>The method's stream: the root's first split, what every method has always been built with.</summary>
    public Rng Method { get; }

    /// <summary>
    /// The stream of a Stable-Baselines3 expert (<c>expert=sb3:PATH</c>): the root's second split, so its noise is
    /// independent of the method's draws. It used to get a copy of the method's stream (the same numbers), so runs with
    /// an SB3 expert made before differ from today's.
    /// </summary>
    public Rng Sb3Expert { get; }

    /// <summary>
    /// A new generator for the driving tasks' planner expert, in the state <see cref="Method"/> started in (a copy, not
    /// a split of its own).
    /// </summary>
    /// <remarks>
    /// The planner has always sampled its actions from this copy of the method's first split. Giving it a split of its
    /// own would change every driving run already recorded (the driving tables, the pinned driving-toy run), so it keeps
    /// its stream; the two generators are separate objects, so neither advances the other.
    /// </remarks>
    public Rng DrivingPlanner() => new Rng(_seed).Split();
}
