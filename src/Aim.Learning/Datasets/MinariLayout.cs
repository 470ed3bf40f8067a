using PureHDF;
using PureHDF.VOL.Native;

namespace Aim.Learning.Datasets;

/// <summary>
/// Checks a dataset folder against Minari's dataset standard, file by file and independently of
/// <see cref="MinariDataset"/>: metadata.json's required keys, then in main_data.hdf5 every counted
/// <c>episode_{i}</c> group's attributes (<c>id</c>, <c>total_steps</c>, <c>seed</c> as int64) and datasets (names,
/// dtypes, shapes; <c>infos</c> one row per observation).
/// </summary>
public static class MinariLayout
{
    /// <summary>What in <paramref name="directory"/> departs from the standard, one sentence each; empty when nothing does.</summary>
    /// <param name="directory">The dataset's folder (holding <c>data/</c>).</param>
    public static IReadOnlyList<string> Check(string directory)
    {
        var problems = new List<string>();
        string data = Path.Combine(directory, MinariDataset.DataFolder);
        MinariMetadata metadata;
        try
        {
            metadata = MinariMetadata.Read(Path.Combine(data, MinariMetadata.FileName));
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return [e.Message];
        }

        if (metadata.DataFormat != "hdf5")
        {
            problems.Add($"data_format is '{metadata.DataFormat}', not 'hdf5'.");
        }

        if (string.IsNullOrEmpty(metadata.MinariVersion))
        {
            problems.Add("minari_version is missing: minari.load_dataset requires it.");
        }

        using NativeFile file = H5File.OpenRead(Path.Combine(data, MinariDataset.DataFileName));
        long steps = 0;
        for (int i = 0; i < metadata.TotalEpisodes; i++)
        {
            string name = $"episode_{i}";
            if (!file.LinkExists(name))
            {
                problems.Add($"{name} is missing ({metadata.TotalEpisodes} episodes are counted).");
                continue;
            }

            steps += CheckEpisode(file.Group(name), i, metadata, problems);
        }

        if (steps != metadata.TotalSteps)
        {
            problems.Add($"total_steps is {metadata.TotalSteps} but the episodes hold {steps}.");
        }

        return problems;
    }

    private static long CheckEpisode(IH5Group group, int index, MinariMetadata metadata, List<string> problems)
    {
        string name = group.Name;
        long id = Attribute(group, "id", problems) ?? -1;
        long total = Attribute(group, "total_steps", problems) ?? -1;
        if (id != index)
        {
            problems.Add($"{name}: attribute id is {id}, not {index}.");
        }

        if (group.AttributeExists("seed"))
        {
            _ = Attribute(group, "seed", problems);
        }

        long rows = Dataset(group, "actions", metadata.ActionSpace.DType, metadata.ActionSpace.Shape, problems) ?? total;
        if (rows != total)
        {
            problems.Add($"{name}: total_steps is {total} but actions has {rows} rows.");
        }

        Expect(group, "observations", metadata.ObservationSpace.DType, metadata.ObservationSpace.Shape, rows + 1, problems);
        Expect(group, "rewards", "float64", [], rows, problems);
        Expect(group, "terminations", "bool", [], rows, problems);
        Expect(group, "truncations", "bool", [], rows, problems);
        if (group.LinkExists("infos"))
        {
            foreach (IH5Object info in group.Group("infos").Children())
            {
                if (info is IH5Dataset dataset && (long)dataset.Space.Dimensions[0] != rows + 1)
                {
                    problems.Add($"{name}/infos/{info.Name} has {dataset.Space.Dimensions[0]} rows where {rows + 1} (one per observation) were expected.");
                }
            }
        }

        return rows;
    }

    private static void Expect(IH5Group group, string name, string dtype, IReadOnlyList<int> itemShape, long rows, List<string> problems)
    {
        if (Dataset(group, name, dtype, itemShape, problems) is long found && found != rows)
        {
            problems.Add($"{group.Name}/{name} has {found} rows where {rows} were expected.");
        }
    }

    /// <summary>Checks a dataset's dtype and row shape; returns its row count (null when missing).</summary>
    private static long? Dataset(IH5Group group, string name, string dtype, IReadOnlyList<int> itemShape, List<string> problems)
    {
        if (!group.LinkExists(name))
        {
            problems.Add($"{group.Name}/{name} is missing.");
            return null;
        }

        IH5Dataset dataset = group.Dataset(name);
        string? found = MinariHdf5.DTypeOf(dataset.Type);
        if (found != dtype)
        {
            problems.Add($"{group.Name}/{name} holds {found ?? dataset.Type.Class.ToString()} where {dtype} was expected.");
        }

        ulong[] dims = dataset.Space.Dimensions;
        if (dims.Length != itemShape.Count + 1 || !dims.Skip(1).Select(d => (int)d).SequenceEqual(itemShape))
        {
            problems.Add($"{group.Name}/{name} has shape ({string.Join(", ", dims)}) where (N, {string.Join(", ", itemShape)}) was expected.");
        }

        return dims.Length == 0 ? null : (long)dims[0];
    }

    private static long? Attribute(IH5Group group, string name, List<string> problems)
    {
        if (!group.AttributeExists(name))
        {
            problems.Add($"{group.Name}: attribute {name} is missing.");
            return null;
        }

        IH5Attribute attribute = group.Attribute(name);
        if (MinariHdf5.DTypeOf(attribute.Type) != "int64")
        {
            problems.Add($"{group.Name}: attribute {name} is {MinariHdf5.DTypeOf(attribute.Type) ?? attribute.Type.Class.ToString()}, not int64.");
            return null;
        }

        return attribute.Read<long>();
    }
}
