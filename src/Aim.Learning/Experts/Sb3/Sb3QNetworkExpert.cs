using Aim.Core.Experts;
using Aim.Core.Resume;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using static TorchSharp.torch;

namespace Aim.Learning.Experts.Sb3;

/// <summary>
/// A greedy expert from a Stable-Baselines3 DQN zip whose feature extractor is the AIM code's <c>MinigridCNN</c>: the
/// action with the largest Q-value of the saved online network (<c>q_net.*</c>; <c>q_net_target.*</c> is ignored).
/// Create one with <see cref="Sb3Experts.LoadGrid"/>.
/// </summary>
/// <remarks>
/// The network is a <see cref="FeatureNetwork"/> (the grid CNN and an MLP head whose widths and activation come from
/// the zip). Observation bytes are divided by 255 before the network, as SB3's <c>preprocess_obs</c> does for image
/// boxes of bytes (and as <c>MinigridCNN</c>, which asserts inputs ≤ 1, expects). This is not the [0, 1] scaling by the
/// largest code that the project's own learners use (<see cref="ObservationSpec"/>). Ties go to the lowest action.
/// </remarks>
public sealed class Sb3QNetworkExpert : IExpert<byte[], int>, IDisposable, IResumable
{
    /// <summary>The factor applied to observation bytes: 1/255.</summary>
    public const float ImageScale = 1f / 255f;

    private readonly FeatureNetwork _network;
    private readonly float[] _input;

    private Sb3QNetworkExpert(FeatureNetwork network, int observationSize)
    {
        _network = network;
        _input = new float[observationSize];
    }

    /// <summary>Bytes per observation.</summary>
    public int ObservationSize => _input.Length;

    /// <summary>Number of discrete actions (Q-values per observation).</summary>
    public int ActionCount => _network.OutputSize;

    /// <summary>The greedy action: the index of the largest Q-value (the lowest index on ties).</summary>
    /// <exception cref="ArgumentException">The observation has the wrong length.</exception>
    public int Act(byte[] observation)
    {
        float[] q = QValues(observation);
        int best = 0;
        for (int a = 1; a < q.Length; a++)
        {
            if (q[a] > q[best])
            {
                best = a;
            }
        }

        return best;
    }

    /// <summary>The Q-value of every action in <paramref name="observation"/>.</summary>
    /// <exception cref="ArgumentException">The observation has the wrong length.</exception>
    public float[] QValues(byte[] observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.Length != _input.Length)
        {
            throw new ArgumentException($"The expert expects observations of {_input.Length} bytes; got {observation.Length}.", nameof(observation));
        }

        for (int i = 0; i < _input.Length; i++)
        {
            _input[i] = observation[i] * ImageScale;
        }

        using IDisposable scope = NewDisposeScope();
        using IDisposable noGrad = no_grad();
        Tensor q = _network.Forward(tensor(_input).reshape(1, _input.Length));
        return q.reshape(-1).data<float>().ToArray();
    }

    /// <inheritdoc />
    public void Dispose() => _network.Dispose();

    /// <summary>Builds the expert for channel-first byte observations of <paramref name="shape"/> and <paramref name="actions"/> actions.</summary>
    /// <exception cref="InvalidDataException">A key is missing, a shape differs, or the activation is not supported.</exception>
    internal static Sb3QNetworkExpert Create(Sb3Checkpoint checkpoint, IReadOnlyList<int> shape, int actions)
    {
        const string Features = "features.";
        const string Head = "head.layers.";
        const string SbFeatures = "q_net.features_extractor.";
        const string SbHead = "q_net.q_net.";
        IReadOnlyList<(long In, long Out)> layers = checkpoint.LinearStack(SbHead);
        int[] hidden = layers.Take(layers.Count - 1).Select(l => (int)l.Out).ToArray();
        bool tanh = Sb3Activation.IsTanh(checkpoint, defaultTanh: false);
        var network = new FeatureNetwork(new ObservationSpec(shape.ToArray(), ImageScale), 0, actions, new NetworkOptions(hidden, tanh));
        try
        {
            network.eval();
            checkpoint.LoadInto(network, name => name.StartsWith(Features, StringComparison.Ordinal)
                ? SbFeatures + name[Features.Length..]
                : SbHead + name[Head.Length..]);
        }
        catch
        {
            network.Dispose();
            throw;
        }

        return new Sb3QNetworkExpert(network, shape.Aggregate(1, (a, b) => a * b));
    }

    /// <inheritdoc />
    /// <remarks>Nothing: the expert is the loaded zip's greedy policy; the section only checks the pairing.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("sb3-q-expert");
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("sb3-q-expert");
    }
}
