using Aim.Core.Envs;
using Aim.Learning.Learners;
using Aim.Learning.Spec;

namespace Aim.Learning.Training;

/// <summary>
/// Runs the deterministic policy on held-out seeds, all episodes in lock-step so that each step is one batched
/// forward pass.
/// </summary>
/// <typeparam name="TObs">Observation type.</typeparam>
/// <typeparam name="TAct">Action type.</typeparam>
public sealed class Evaluator<TObs, TAct>
{
    private readonly IEnv<TObs, TAct>[] _envs;
    private readonly Codec<TObs, TAct> _codec;
    private readonly float[] _observations;
    private readonly float[] _packed;
    private readonly float[] _actions;
    private readonly int[] _active;

    /// <summary>Creates <paramref name="episodes"/> environments with <paramref name="factory"/>.</summary>
    public Evaluator(Func<IEnv<TObs, TAct>> factory, Codec<TObs, TAct> codec, int episodes)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(episodes);
        _codec = codec ?? throw new ArgumentNullException(nameof(codec));
        _envs = Enumerable.Range(0, episodes).Select(_ => factory()).ToArray();
        _observations = new float[episodes * codec.Observation.Size];
        _packed = new float[episodes * codec.Observation.Size];
        _actions = new float[episodes * codec.Action.Dimension];
        _active = new int[episodes];
    }

    /// <summary>Number of episodes per evaluation.</summary>
    public int Episodes => _envs.Length;

    /// <summary>Runs one episode per environment, seeded <paramref name="seedStart"/> + i.</summary>
    public EvaluationResult Run(IActor actor, int seedStart)
    {
        ArgumentNullException.ThrowIfNull(actor);
        int n = _envs.Length;
        int obsSize = _codec.Observation.Size;
        int actSize = _codec.Action.Dimension;
        var returns = new double[n];
        var lengths = new int[n];
        var costs = new double[n];
        var routes = new double[n];
        var success = new bool[n];
        var done = new bool[n];
        for (int i = 0; i < n; i++)
        {
            ResetResult<TObs> reset = _envs[i].Reset(seedStart + i);
            _codec.EncodeObservation(reset.Observation, _observations.AsSpan(i * obsSize, obsSize));
            routes[i] = reset.Info.RouteCompletion;
        }

        int remaining = n;
        while (remaining > 0)
        {
            // Pack the observations of running episodes so that the forward pass covers only them.
            int count = 0;
            for (int i = 0; i < n; i++)
            {
                if (!done[i])
                {
                    _observations.AsSpan(i * obsSize, obsSize).CopyTo(_packed.AsSpan(count * obsSize, obsSize));
                    _active[count++] = i;
                }
            }

            actor.Act(_packed.AsSpan(0, count * obsSize), count, _actions);
            for (int k = 0; k < count; k++)
            {
                int i = _active[k];
                StepResult<TObs> result = _envs[i].Step(_codec.DecodeAction(_actions.AsSpan(k * actSize, actSize)));
                returns[i] += result.Reward;
                lengths[i]++;
                costs[i] += result.Info.Cost;
                routes[i] = result.Info.RouteCompletion;
                success[i] |= result.Info.IsSuccess;
                if (result.Done)
                {
                    done[i] = true;
                    remaining--;
                }
                else
                {
                    _codec.EncodeObservation(result.Observation, _observations.AsSpan(i * obsSize, obsSize));
                }
            }
        }

        return new EvaluationResult(
            n,
            success.Count(s => s) / (double)n,
            returns.Average(),
            lengths.Average(),
            costs.Average(),
            routes.All(double.IsNaN) ? double.NaN : routes.Where(r => !double.IsNaN(r)).Average());
    }
}
