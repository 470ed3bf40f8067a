using Aim.Core.Random;
using Aim.Learning.Data;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Benchmarks;

/// <summary>
/// The data every learning benchmark trains on: MiniGrid-shaped observations (12×7×7, values k·0.1 as the grid codec
/// scales bytes), 7 discrete actions, 2,000 stored expert transitions and 2,000 robot transitions, drawn from fixed
/// seeds so that every benchmark and the PyTorch anchor see the same kind of batch.
/// </summary>
public static class GridLearningData
{
    /// <summary>Stored transitions per buffer (the AIM grid code samples its batches of 200 from a few thousand).</summary>
    public const int Stored = 2_000;

    /// <summary>The observation spec of the grid tasks' 4-frame stacked view.</summary>
    public static ObservationSpec Observation { get; } = new(new[] { 12, 7, 7 }, 0.1f);

    /// <summary>MiniGrid's 7 actions.</summary>
    public static ActionSpec Action { get; } = ActionSpec.Discrete(7);

    /// <summary>
    /// A buffer of <see cref="Stored"/> transitions: random observations, a random label, a robot action that differs
    /// from it half of the time, <paramref name="expert"/> marking them as expert-controlled, every 50th terminal.
    /// </summary>
    public static HacoBuffer Buffer(int seed, bool expert)
    {
        var rng = new Rng(seed);
        var buffer = new HacoBuffer(Stored, Observation.Size, 1);
        var obs = new float[Observation.Size];
        var next = new float[Observation.Size];
        var label = new float[1];
        var novice = new float[1];
        for (int i = 0; i < Stored; i++)
        {
            Fill(rng, obs);
            Fill(rng, next);
            label[0] = rng.NextInt(7);
            novice[0] = rng.NextInt(2) == 0 ? label[0] : rng.NextInt(7);
            bool terminal = i % 50 == 49;
            buffer.Add(obs, next, novice, expert ? label : novice, expert, false, expert ? 1 : 0, terminal, false, terminal);
        }

        return buffer;
    }

    /// <summary>A training context over an expert buffer (seed 1) and a robot buffer (seed 2).</summary>
    public static TrainingContext Context() => new(Observation, Action, Buffer(1, expert: true), Buffer(2, expert: false));

    private static void Fill(Rng rng, float[] observation)
    {
        for (int k = 0; k < observation.Length; k++)
        {
            observation[k] = rng.NextInt(11) * 0.1f;
        }
    }
}
