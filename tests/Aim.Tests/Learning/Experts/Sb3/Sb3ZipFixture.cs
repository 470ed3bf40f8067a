using System.IO.Compression;
using System.Text;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Aim.Tests.Learning.Experts.Sb3;

/// <summary>
/// Builds small zips in the Stable-Baselines3 layout: a <c>policy.pth</c> state dict written with TorchSharp.PyBridge's
/// pickler under SB3's key names, and a <c>data</c> JSON entry shaped like SB3's.
/// </summary>
internal static class Sb3ZipFixture
{
    public const string Tanh = "<class 'torch.nn.modules.activation.Tanh'>";
    public const string Relu = "<class 'torch.nn.modules.activation.ReLU'>";

    /// <summary>The tensors of an SB3 DQN with the AIM code's MinigridCNN on (12, 7, 7) and a [64] head, 7 actions.</summary>
    public static Dictionary<string, Tensor> Dqn(int seed, int channels = 12, int actions = 7)
    {
        var generator = new Generator((ulong)seed);
        var tensors = new Dictionary<string, Tensor>();
        foreach (string net in new[] { "q_net", "q_net_target" })
        {
            Add(tensors, generator, $"{net}.features_extractor.cnn.0", 16, channels, 2, 2);
            Add(tensors, generator, $"{net}.features_extractor.cnn.3", 32, 16, 2, 2);
            Add(tensors, generator, $"{net}.features_extractor.cnn.5", 64, 32, 2, 2);
            Add(tensors, generator, $"{net}.q_net.0", 64, 64);
            Add(tensors, generator, $"{net}.q_net.2", actions, 64);
        }

        return tensors;
    }

    /// <summary>The tensors of an SB3 PPO MlpPolicy on 259 floats, [64, 64] tanh, 2 actions (value net included).</summary>
    public static Dictionary<string, Tensor> Ppo(int seed, float[] logStd, int observations = 259)
    {
        var generator = new Generator((ulong)seed);
        var tensors = new Dictionary<string, Tensor>();
        Add(tensors, generator, "mlp_extractor.policy_net.0", 64, observations);
        Add(tensors, generator, "mlp_extractor.policy_net.2", 64, 64);
        Add(tensors, generator, "mlp_extractor.value_net.0", 64, observations);
        Add(tensors, generator, "mlp_extractor.value_net.2", 64, 64);
        Add(tensors, generator, "action_net", logStd.Length, 64);
        Add(tensors, generator, "value_net", 1, 64);
        tensors["log_std"] = tensor(logStd);
        return tensors;
    }

    /// <summary>SB3's <c>data</c> JSON, reduced to what SB3 writes for the spaces and policy kwargs (with a bare NaN, as Python writes it).</summary>
    public static string Data(int[] observationShape, string? activation)
    {
        string kwargs = activation is null
            ? "{}"
            : $$"""{ ":type:": "<class 'dict'>", ":serialized:": "gAWV", "activation_fn": "{{activation}}", "net_arch": [64] }""";
        return $$"""
            {
                "policy_kwargs": {{kwargs}},
                "observation_space": { ":type:": "<class 'gymnasium.spaces.box.Box'>", "_shape": [{{string.Join(", ", observationShape)}}] },
                "ep_success_buffer": [NaN, -Infinity],
                "n_envs": 1
            }
            """;
    }

    /// <summary>Writes a zip holding <c>policy.pth</c> (when <paramref name="tensors"/> is given) and <c>data</c> (when given).</summary>
    public static string Write(string directory, string name, IDictionary<string, Tensor>? tensors, string? data)
    {
        string path = Path.Combine(directory, name);
        using ZipArchive zip = ZipFile.Open(path, ZipArchiveMode.Create);
        if (data is not null)
        {
            using Stream stream = zip.CreateEntry("data").Open();
            stream.Write(Encoding.UTF8.GetBytes(data));
        }

        if (tensors is not null)
        {
            using var buffer = new MemoryStream();
            PyTorchPickler.PickleStateDict(buffer, new Dictionary<string, Tensor>(tensors), leaveOpen: true);
            using Stream stream = zip.CreateEntry("policy.pth").Open();
            stream.Write(buffer.ToArray());
        }

        return path;
    }

    private static void Add(Dictionary<string, Tensor> tensors, Generator generator, string layer, params long[] weightShape)
    {
        long fanIn = weightShape.Skip(1).Aggregate(1L, (a, b) => a * b);
        tensors[$"{layer}.weight"] = randn(weightShape, generator: generator) * (1.5 / Math.Sqrt(fanIn));
        tensors[$"{layer}.bias"] = randn(new[] { weightShape[0] }, generator: generator) * 0.01;
    }
}
