using PureHDF;
using PureHDF.VOL.Native;

namespace Aim.Learning.Datasets;

/// <summary>
/// A Minari dataset read whole into memory: <c>metadata.json</c> and the episodes of <c>data/main_data.hdf5</c>,
/// written by us (<see cref="MinariWriter"/>) or by Minari itself with its HDF5 storage.
/// </summary>
public sealed class MinariDataset
{
    /// <summary>The folder inside a dataset's folder that holds both files, as Minari lays it out.</summary>
    public const string DataFolder = "data";

    /// <summary>The data file's name (in <see cref="DataFolder"/>, beside metadata.json).</summary>
    public const string DataFileName = "main_data.hdf5";

    private MinariDataset(string directory, MinariMetadata metadata, IReadOnlyList<MinariEpisode> episodes)
    {
        Directory = directory;
        Metadata = metadata;
        Episodes = episodes;
    }

    /// <summary>The dataset's folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>What metadata.json says.</summary>
    public MinariMetadata Metadata { get; }

    /// <summary>The episodes, in order (<c>episode_0</c> first).</summary>
    public IReadOnlyList<MinariEpisode> Episodes { get; }

    /// <summary>Steps over all episodes.</summary>
    public long TotalSteps => Episodes.Sum(e => (long)e.Steps);

    /// <summary>
    /// Reads the dataset in <paramref name="directory"/> (the dataset's folder, holding <c>data/metadata.json</c> and
    /// <c>data/main_data.hdf5</c>, or that <c>data</c> folder itself): the <c>total_episodes</c> episodes that metadata.json
    /// counts. (A file may hold one more, written just before the process died and before metadata.json was updated; it
    /// is left out, as Minari leaves it out.)
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">There is no such folder.</exception>
    /// <exception cref="FileNotFoundException">metadata.json or data/main_data.hdf5 is missing.</exception>
    /// <exception cref="InvalidDataException">A file is damaged or does not follow the standard (the message names the file and what is wrong).</exception>
    public static MinariDataset Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string folder = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"No Minari dataset folder '{folder}': expected a folder holding {DataFolder}/{MinariMetadata.FileName} and {DataFolder}/{DataFileName}.");
        }

        string dataFolder = File.Exists(Path.Combine(folder, MinariMetadata.FileName)) ? folder : Path.Combine(folder, DataFolder);
        MinariMetadata metadata = MinariMetadata.Read(Path.Combine(dataFolder, MinariMetadata.FileName));
        if (metadata.DataFormat != "hdf5")
        {
            throw new InvalidDataException($"Dataset '{folder}' stores its data as '{metadata.DataFormat}'; only Minari's 'hdf5' storage is read here.");
        }

        string data = Path.Combine(dataFolder, DataFileName);
        if (!File.Exists(data))
        {
            throw new FileNotFoundException($"Dataset '{folder}' has no data file {data}.", data);
        }

        var episodes = new List<MinariEpisode>(metadata.TotalEpisodes);
        try
        {
            using NativeFile file = H5File.OpenRead(data);
            for (int i = 0; i < metadata.TotalEpisodes; i++)
            {
                episodes.Add(MinariHdf5.ReadEpisode(file, i, metadata.ObservationSpace, metadata.ActionSpace));
            }
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            // PureHDF reports a cut or damaged file with whatever its reader met first; name the file and what was read.
            throw new InvalidDataException($"'{data}' cannot be read as HDF5 ({e.GetType().Name}: {e.Message}); {episodes.Count} of its {metadata.TotalEpisodes} episodes were read.", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"'{data}': {e.Message}", e);
        }

        long steps = episodes.Sum(e => (long)e.Steps);
        if (steps != metadata.TotalSteps)
        {
            throw new InvalidDataException($"'{data}' holds {steps} steps in its {episodes.Count} episodes where metadata.json counts {metadata.TotalSteps}.");
        }

        return new MinariDataset(folder, metadata, episodes);
    }
}
