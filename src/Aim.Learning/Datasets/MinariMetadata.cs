using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aim.Core.IO;

namespace Aim.Learning.Datasets;

/// <summary>
/// A Minari dataset's <c>metadata.json</c> (in its <c>data</c> folder, beside <c>main_data.hdf5</c>): its id, counts, spaces and who made it. The spaces are stored as Minari
/// stores them, each a JSON string inside the JSON (<see cref="MinariSpace.ToJson"/>).
/// </summary>
/// <param name="DatasetId">The dataset's id, <c>(namespace/)(env_name/)dataset_name(-v(version))</c>.</param>
/// <param name="ObservationSpace">The space of <c>observations</c>.</param>
/// <param name="ActionSpace">The space of <c>actions</c>.</param>
public sealed record MinariMetadata(string DatasetId, MinariSpace ObservationSpace, MinariSpace ActionSpace)
{
    /// <summary>The file name in a dataset's folder.</summary>
    public const string FileName = "metadata.json";

    /// <summary>
    /// The Minari version whose dataset standard our files follow, written as <c>minari_version</c>:
    /// <c>minari.load_dataset</c> refuses versions outside its supported set, and 0.5.3 is in it.
    /// </summary>
    public const string StandardVersion = "0.5.3";

    /// <summary>Episodes in the dataset (<c>total_episodes</c>). Default 0.</summary>
    public int TotalEpisodes { get; init; }

    /// <summary>Steps over all episodes (<c>total_steps</c>). Default 0.</summary>
    public long TotalSteps { get; init; }

    /// <summary>Who collected the data (<c>algorithm_name</c>), e.g. <c>aim with the task's expert</c>; null: not written.</summary>
    public string? AlgorithmName { get; init; }

    /// <summary>The storage format (<c>data_format</c>); ours is always <c>hdf5</c>. Default <c>hdf5</c>.</summary>
    public string DataFormat { get; init; } = "hdf5";

    /// <summary>The version of the standard the dataset follows (<c>minari_version</c>). Default <see cref="StandardVersion"/>.</summary>
    public string MinariVersion { get; init; } = StandardVersion;

    /// <summary>Reads <c>metadata.json</c> at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">It is not JSON, or a key Minari requires is missing or of the wrong type (the message names the file and the key).</exception>
    public static MinariMetadata Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No Minari metadata at '{path}': a dataset folder holds data/{FileName} and data/main_data.hdf5.", path);
        }

        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new InvalidDataException($"'{path}' is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{path}' is not JSON: {e.Message}", e);
        }

        try
        {
            return new MinariMetadata(
                Get<string>(root, "dataset_id"),
                MinariSpace.Parse(Get<string>(root, "observation_space")),
                MinariSpace.Parse(Get<string>(root, "action_space")))
            {
                TotalEpisodes = Get<int>(root, "total_episodes"),
                TotalSteps = Get<long>(root, "total_steps"),
                AlgorithmName = root["algorithm_name"]?.GetValue<string>(),
                DataFormat = root["data_format"]?.GetValue<string>() ?? "hdf5",
                MinariVersion = root["minari_version"]?.GetValue<string>() ?? string.Empty,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new InvalidDataException($"'{path}': {e.Message}", e);
        }
    }

    /// <summary>Writes this metadata as <c>metadata.json</c> at <paramref name="path"/> (replacing the file whole).</summary>
    public void Write(string path)
    {
        var root = new JsonObject
        {
            ["dataset_id"] = DatasetId,
            ["total_episodes"] = TotalEpisodes,
            ["total_steps"] = TotalSteps,
            ["data_format"] = DataFormat,
            ["observation_space"] = ObservationSpace.ToJson(),
            ["action_space"] = ActionSpace.ToJson(),
            ["minari_version"] = MinariVersion,
        };
        if (AlgorithmName is not null)
        {
            root["algorithm_name"] = AlgorithmName;
        }

        AtomicFile.Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            root.WriteTo(writer);
        });
    }

    private static T Get<T>(JsonObject root, string key) =>
        root[key] is JsonNode node ? node.GetValue<T>() : throw new InvalidDataException($"The key '{key}' is missing.");
}
