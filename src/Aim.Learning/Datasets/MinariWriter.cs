using System.Diagnostics;
using Aim.Core.IO;

namespace Aim.Learning.Datasets;

/// <summary>
/// Writes a Minari dataset one finished episode at a time, laid out as Minari lays one out: <c>{folder}/data/</c> holds
/// <c>main_data.hdf5</c> and <c>metadata.json</c>. PureHDF writes an HDF5 file whole (its root group goes last), so each
/// <see cref="Add"/> rewrites <c>main_data.hdf5</c> from the episodes held in memory and renames it into place
/// (<see cref="AtomicFile"/>), then does the same with <c>metadata.json</c>.
/// </summary>
/// <remarks>
/// What a crash keeps: at any moment the data file on disk is a complete file holding every finished episode; the
/// episode in progress, and a rewrite cut short (left under a hidden temporary name ending in <c>.tmp</c> when the
/// process dies), are lost. Should the process die between the two renames, the data file holds one episode more than
/// metadata.json counts, and readers (ours and Minari's) read the counted ones. The cost: rewriting grows with the data, measured in docs/data.md.
/// </remarks>
public sealed class MinariWriter
{
    private readonly List<MinariEpisode> _episodes = new();
    private readonly Func<string, Stream>? _open;
    private MinariMetadata _metadata;

    /// <summary>
    /// Starts a dataset in <paramref name="directory"/> (created if missing; any dataset there is replaced) and writes it
    /// at once with no episodes, so the folder is a valid dataset from the start.
    /// </summary>
    /// <param name="directory">The dataset's folder.</param>
    /// <param name="metadata">The id, spaces and collector; the counts are kept by the writer.</param>
    /// <param name="kept">Episodes the dataset starts with (a resumed run's finished ones), numbered from 0. Default none.</param>
    /// <param name="open">Opens the data file being written (null: a file stream); for tests that cut a write short.</param>
    public MinariWriter(string directory, MinariMetadata metadata, IEnumerable<MinariEpisode>? kept = null, Func<string, Stream>? open = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _metadata = metadata ?? throw new ArgumentNullException(nameof(metadata));
        Directory = Path.GetFullPath(directory);
        _open = open;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, MinariDataset.DataFolder));
        foreach (MinariEpisode episode in kept ?? [])
        {
            Check(episode);
            _episodes.Add(episode);
        }

        Save();
    }

    /// <summary>The dataset's folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>The space of the dataset's observations.</summary>
    public MinariSpace ObservationSpace => _metadata.ObservationSpace;

    /// <summary>The space of the dataset's actions.</summary>
    public MinariSpace ActionSpace => _metadata.ActionSpace;

    /// <summary>Episodes written so far.</summary>
    public int Episodes => _episodes.Count;

    /// <summary>Seconds spent writing files so far (the cost of the per-episode rewrite).</summary>
    public double WriteSeconds { get; private set; }

    /// <summary>Bytes of the data file as last written.</summary>
    public long DataBytes { get; private set; }

    /// <summary>Appends a finished episode and rewrites the dataset; the episode's id must be the next index.</summary>
    /// <exception cref="ArgumentException">The id is not <see cref="Episodes"/>, or its rows do not fit the dataset's spaces.</exception>
    public void Add(MinariEpisode episode)
    {
        Check(episode);
        _episodes.Add(episode);
        Save();
    }

    private void Check(MinariEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        if (episode.Id != _episodes.Count)
        {
            throw new ArgumentException($"Episode {episode.Id} cannot follow {_episodes.Count} episodes: ids run 0, 1, 2, … in order.", nameof(episode));
        }

        CheckColumn(episode.Observations, _metadata.ObservationSpace, "observations");
        CheckColumn(episode.Actions, _metadata.ActionSpace, "actions");
    }

    private static void CheckColumn(MinariColumn column, MinariSpace space, string name)
    {
        if (column.DType != space.DType || !column.ItemShape.SequenceEqual(space.Shape))
        {
            throw new ArgumentException($"Episode {name} are {column.DType} of shape [{string.Join(", ", column.ItemShape)}]; the dataset's space is {space}.", name);
        }
    }

    private void Save()
    {
        var clock = Stopwatch.StartNew();
        string data = Path.Combine(Directory, MinariDataset.DataFolder, MinariDataset.DataFileName);
        AtomicFile.Write(data, stream => MinariHdf5.Write(stream, _episodes), _open);
        _metadata = _metadata with { TotalEpisodes = _episodes.Count, TotalSteps = _episodes.Sum(e => (long)e.Steps) };
        _metadata.Write(Path.Combine(Directory, MinariDataset.DataFolder, MinariMetadata.FileName));
        DataBytes = new FileInfo(data).Length;
        WriteSeconds += clock.Elapsed.TotalSeconds;
    }
}
