using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Networks;
using static TorchSharp.torch;

namespace Aim.Learning.Experts.Sb3;

/// <summary>
/// A stochastic expert from a Stable-Baselines3 PPO (or A2C) <c>MlpPolicy</c> zip: the action is drawn from the saved
/// diagonal Gaussian, mean <c>action_net(policy_net(obs))</c> and standard deviation <c>exp(log_std)</c>, then clipped to
/// the action bounds as SB3 and MetaDrive clip actions. The value network is ignored. Create one with
/// <see cref="Sb3Experts.LoadDriving"/>.
/// </summary>
/// <remarks>
/// Observations go to the network as they are (SB3's <c>FlattenExtractor</c>; no normalisation, so a model trained under
/// <c>VecNormalize</c> is not reproduced). The noise comes from the <see cref="Rng"/> given at load, so a seed fixes the
/// sequence of actions.
/// </remarks>
public sealed class Sb3GaussianExpert : IGaussianExpert, IDisposable, IResumable
{
    private readonly Mlp _mean;
    private readonly float[] _std;
    private readonly float[] _low;
    private readonly float[] _high;
    private readonly Rng _rng;

    private Sb3GaussianExpert(Mlp mean, float[] std, float[] low, float[] high, Rng rng)
    {
        _mean = mean;
        _std = std;
        _low = low;
        _high = high;
        _rng = rng;
    }

    /// <summary>Floats per observation.</summary>
    public int ObservationSize => _mean.InputSize;

    /// <summary>Action dimensions.</summary>
    public int ActionSize => _std.Length;

    /// <summary>Returns a new array holding an action sampled from the Gaussian and clipped to the action bounds.</summary>
    /// <exception cref="ArgumentException">The observation has the wrong length.</exception>
    public float[] Act(float[] observation)
    {
        float[] mean = Mean(observation);
        var action = new float[mean.Length];
        for (int i = 0; i < action.Length; i++)
        {
            action[i] = Math.Clamp((float)_rng.NextGaussian(mean[i], _std[i]), _low[i], _high[i]);
        }

        return action;
    }

    /// <summary>The mean action clipped to the action bounds (SB3's <c>predict(deterministic=True)</c>); draws no noise.</summary>
    /// <exception cref="ArgumentException">The observation has the wrong length.</exception>
    public float[] ActDeterministic(float[] observation)
    {
        float[] mean = Mean(observation);
        for (int i = 0; i < mean.Length; i++)
        {
            mean[i] = Math.Clamp(mean[i], _low[i], _high[i]);
        }

        return mean;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The observation or a span has the wrong length.</exception>
    public void Distribution(float[] observation, Span<float> mean, Span<float> std)
    {
        if (mean.Length != _std.Length || std.Length != _std.Length)
        {
            throw new ArgumentException($"The action has {_std.Length} entries; got spans of {mean.Length} and {std.Length}.");
        }

        Mean(observation).CopyTo(mean);
        _std.CopyTo(std);
    }

    /// <inheritdoc />
    public void Dispose() => _mean.Dispose();

    /// <summary>Builds the expert for observations of <paramref name="observationSize"/> floats and actions within [low, high].</summary>
    /// <exception cref="InvalidDataException">A key is missing, a shape differs, or the policy has shared layers or another activation.</exception>
    internal static Sb3GaussianExpert Create(Sb3Checkpoint checkpoint, int observationSize, float[] low, float[] high, Rng rng)
    {
        const string Policy = "mlp_extractor.policy_net.";
        if (checkpoint.Keys.Any(k => k.StartsWith("mlp_extractor.shared_net.", StringComparison.Ordinal)))
        {
            throw new InvalidDataException($"'{checkpoint.Path}': the policy has layers shared with the value network (mlp_extractor.shared_net.*), which the loader does not support.");
        }

        int actions = low.Length;
        int[] hidden = checkpoint.LinearStack(Policy).Select(l => (int)l.Out).ToArray();
        bool tanh = Sb3Activation.IsTanh(checkpoint, defaultTanh: true);
        var mean = new Mlp(observationSize, hidden, actions, tanh);
        try
        {
            mean.eval();
            string output = $"layers.{2 * hidden.Length}.";
            checkpoint.LoadInto(mean, name => name.StartsWith(output, StringComparison.Ordinal)
                ? "action_net." + name[output.Length..]
                : Policy + name["layers.".Length..]);
            float[] std;
            using (NewDisposeScope())
            {
                std = checkpoint.Get("log_std", [actions]).to_type(ScalarType.Float32).exp().data<float>().ToArray();
            }

            return new Sb3GaussianExpert(mean, std, low, high, rng);
        }
        catch
        {
            mean.Dispose();
            throw;
        }
    }

    private float[] Mean(float[] observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.Length != _mean.InputSize)
        {
            throw new ArgumentException($"The expert expects observations of {_mean.InputSize} floats; got {observation.Length}.", nameof(observation));
        }

        using IDisposable scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        Tensor m = _mean.call(tensor(observation).reshape(1, observation.Length));
        return m.reshape(-1).data<float>().ToArray();
    }

    /// <inheritdoc />
    /// <remarks>The noise stream (the network is the loaded zip's, unchanged by a run).</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("sb3-gaussian-expert");
        _rng.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("sb3-gaussian-expert");
        _rng.ReadState(reader);
    }
}
