using System.Collections;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Aim.Learning.Experts.Sb3;

/// <summary>
/// The contents of a Stable-Baselines3 zip that an expert needs: the tensors of <c>policy.pth</c> (a PyTorch state
/// dict, read with TorchSharp.PyBridge) and the metadata of the <c>data</c> entry. Owns the tensors.
/// </summary>
internal sealed class Sb3Checkpoint : IDisposable
{
    /// <summary>The zip entry holding the policy's state dict.</summary>
    public const string PolicyEntry = "policy.pth";

    /// <summary>The zip entry holding SB3's JSON description of the model.</summary>
    public const string DataEntry = "data";

    private readonly Dictionary<string, Tensor> _tensors;

    private Sb3Checkpoint(string path, Dictionary<string, Tensor> tensors, Sb3Metadata metadata)
    {
        Path = path;
        _tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The zip's path, for messages.</summary>
    public string Path { get; }

    /// <summary>What the <c>data</c> entry says (empty when the zip has none).</summary>
    public Sb3Metadata Metadata { get; }

    /// <summary>The state-dict keys (unordered).</summary>
    public IReadOnlyCollection<string> Keys => _tensors.Keys;

    /// <summary>The kind of policy, from the keys.</summary>
    /// <exception cref="InvalidDataException">The keys match neither a DQN Q-network nor a Gaussian MLP policy.</exception>
    public Sb3PolicyKind Kind
    {
        get
        {
            if (_tensors.Keys.Any(k => k.StartsWith("q_net.", StringComparison.Ordinal)))
            {
                return Sb3PolicyKind.QNetwork;
            }

            if (_tensors.ContainsKey("action_net.weight") && _tensors.ContainsKey("log_std"))
            {
                return Sb3PolicyKind.GaussianActorCritic;
            }

            throw new InvalidDataException(
                $"'{Path}': {PolicyEntry} is neither a DQN Q-network (q_net.*) nor a Gaussian actor-critic policy "
                + $"(action_net.*, log_std). Keys found: {DescribeKeys()}.");
        }
    }

    /// <summary>Reads the zip.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip, has no <c>policy.pth</c>, or an entry cannot be read.</exception>
    public static Sb3Checkpoint Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No SB3 zip at '{path}'.", path);
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{path}' is not a readable zip: {e.Message}", e);
        }

        using (zip)
        {
            ZipArchiveEntry policy = zip.GetEntry(PolicyEntry)
                ?? throw new InvalidDataException(
                    $"'{path}' has no {PolicyEntry} entry, so it is not a Stable-Baselines3 model zip. "
                    + $"Entries: {string.Join(", ", zip.Entries.Select(e => e.FullName))}.");
            ZipArchiveEntry? data = zip.GetEntry(DataEntry);
            Sb3Metadata metadata = data is null ? Sb3Metadata.Empty : ReadMetadata(path, data);
            Dictionary<string, Tensor> tensors = ReadStateDict(path, policy);
            return new Sb3Checkpoint(path, tensors, metadata);
        }
    }

    /// <summary>The tensor under <paramref name="key"/>.</summary>
    /// <exception cref="InvalidDataException">The key is missing; the message lists the keys found.</exception>
    public Tensor Get(string key) => _tensors.TryGetValue(key, out Tensor? tensor)
        ? tensor
        : throw new InvalidDataException($"'{Path}': {PolicyEntry} has no key '{key}'. Keys found: {DescribeKeys()}.");

    /// <summary>The tensor under <paramref name="key"/>, checked against <paramref name="expected"/>.</summary>
    /// <exception cref="InvalidDataException">The key is missing or the tensor has another shape.</exception>
    public Tensor Get(string key, ReadOnlySpan<long> expected)
    {
        Tensor tensor = Get(key);
        if (!tensor.shape.AsSpan().SequenceEqual(expected))
        {
            throw new InvalidDataException(
                $"'{Path}': {PolicyEntry} key '{key}' has shape {FormatShape(tensor.shape)}; the expert needs {FormatShape(expected)}.");
        }

        return tensor;
    }

    /// <summary>
    /// Copies a tensor into every parameter of <paramref name="module"/>: <paramref name="keyOf"/> names the checkpoint
    /// key of each of the module's state-dict names; shapes must match exactly.
    /// </summary>
    /// <exception cref="InvalidDataException">A key is missing or a shape differs.</exception>
    public void LoadInto(nn.Module module, Func<string, string> keyOf)
    {
        using (no_grad())
        {
            foreach ((string name, Tensor target) in module.state_dict())
            {
                Tensor source = Get(keyOf(name), target.shape);
                target.copy_(source.to_type(target.dtype));
            }
        }
    }

    /// <summary>The widths of the Linear layers <c>{prefix}{0,2,4,…}.weight</c> (a PyTorch Sequential of Linear + activation).</summary>
    /// <exception cref="InvalidDataException">There is no such layer, or the indices are not 0, 2, 4, ….</exception>
    public IReadOnlyList<(long In, long Out)> LinearStack(string prefix)
    {
        int[] indices = _tensors.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith(".weight", StringComparison.Ordinal))
            .Select(k => k[prefix.Length..^".weight".Length])
            .Select(s => int.TryParse(s, out int i) ? i : -1)
            .Order()
            .ToArray();
        if (indices.Length == 0)
        {
            Get(prefix + "0.weight");
        }

        for (int i = 0; i < indices.Length; i++)
        {
            if (indices[i] != 2 * i)
            {
                throw new InvalidDataException(
                    $"'{Path}': the layers under '{prefix}' are not Linear/activation pairs (weights at indices "
                    + $"{string.Join(", ", indices)}; expected 0, 2, 4, …).");
            }
        }

        return indices.Select(i =>
        {
            Tensor w = Get($"{prefix}{i}.weight");
            if (w.dim() != 2)
            {
                throw new InvalidDataException($"'{Path}': {PolicyEntry} key '{prefix}{i}.weight' has shape {FormatShape(w.shape)}; a Linear weight has 2 dimensions.");
            }

            return (w.shape[1], w.shape[0]);
        }).ToArray();
    }

    /// <summary>Formats a shape as <c>[a, b, c]</c>.</summary>
    public static string FormatShape(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor tensor in _tensors.Values)
        {
            tensor.Dispose();
        }

        _tensors.Clear();
    }

    private string DescribeKeys() => _tensors.Count == 0 ? "none" : string.Join(", ", _tensors.Keys.Order(StringComparer.Ordinal));

    private static Dictionary<string, Tensor> ReadStateDict(string path, ZipArchiveEntry entry)
    {
        // PyBridge reads the inner PyTorch zip and needs a seekable stream.
        using var buffer = new MemoryStream();
        using (Stream stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        Hashtable table;
        try
        {
            table = PyTorchUnpickler.UnpickleStateDict(buffer, leaveOpen: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"'{path}': {PolicyEntry} is not a readable PyTorch state dict: {e.Message}", e);
        }

        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (DictionaryEntry item in table)
        {
            if (item.Key is string key && item.Value is Tensor tensor)
            {
                tensors[key] = tensor;
            }
        }

        return tensors;
    }

    private static Sb3Metadata ReadMetadata(string path, ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return Sb3Metadata.Parse(reader.ReadToEnd());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}': the {DataEntry} entry is not JSON: {e.Message}", e);
        }
    }
}
