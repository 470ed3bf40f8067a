using PureHDF;
using PureHDF.VOL.Native;

namespace Aim.Learning.Datasets;

/// <summary>
/// <c>main_data.hdf5</c> through PureHDF: episodes to an HDF5 file in the layout Minari's HDF5 storage writes, and
/// episodes back from such a file, whether we or Minari (h5py) wrote it.
/// </summary>
internal static class MinariHdf5
{
    /// <summary>numpy's bool as h5py stores it: an enum of FALSE = 0 and TRUE = 1 (here on an unsigned byte).</summary>
    private enum H5Bool : byte
    {
        FALSE = 0,
        TRUE = 1,
    }

    /// <summary>Writes <paramref name="episodes"/> as <c>episode_{id}</c> groups to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, IReadOnlyList<MinariEpisode> episodes)
    {
        var file = new H5File();
        foreach (MinariEpisode episode in episodes)
        {
            file[$"episode_{episode.Id}"] = Group(episode);
        }

        file.Write(stream);
    }

    /// <summary>Reads episode <paramref name="index"/> of an open file, checking each dataset against the spaces.</summary>
    /// <exception cref="InvalidDataException">The group or one of its datasets is missing or does not fit (the message names it).</exception>
    public static MinariEpisode ReadEpisode(NativeFile file, int index, MinariSpace observationSpace, MinariSpace actionSpace)
    {
        string name = $"episode_{index}";
        if (!file.LinkExists(name))
        {
            throw new InvalidDataException($"There is no group '{name}'.");
        }

        IH5Group group = file.Group(name);
        MinariColumn observations = ReadColumn(group, "observations", observationSpace.DType, observationSpace.Shape);
        MinariColumn actions = ReadColumn(group, "actions", actionSpace.DType, actionSpace.Shape);
        double[] rewards = ReadRewards(group);
        bool[] terminations = ReadColumn(group, "terminations", "bool", []).As<bool>();
        bool[] truncations = ReadColumn(group, "truncations", "bool", []).As<bool>();
        long? seed = group.AttributeExists("seed") ? ReadInteger(group.Attribute("seed"), name + "/@seed") : null;
        var infos = new Dictionary<string, MinariColumn>(StringComparer.Ordinal);
        if (group.LinkExists("infos"))
        {
            IH5Group infoGroup = group.Group("infos");
            foreach (IH5Object child in infoGroup.Children())
            {
                if (child is IH5Dataset dataset && TryReadColumn(dataset) is MinariColumn column)
                {
                    infos[child.Name] = column;
                }
            }
        }

        try
        {
            return new MinariEpisode(index, observations, actions, rewards, terminations, truncations, seed, infos);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"Group '{name}': {e.Message}", e);
        }
    }

    /// <summary>The numpy dtype a dataset's HDF5 type stands for (<c>int32</c>, <c>float64</c>, <c>bool</c>, <c>str</c>, …); null for any other.</summary>
    public static string? DTypeOf(IH5DataType type) => type.Class switch
    {
        H5DataTypeClass.FixedPoint => (type.FixedPoint.IsSigned ? "int" : "uint") + (type.Size * 8),
        H5DataTypeClass.FloatingPoint => "float" + (type.Size * 8),
        H5DataTypeClass.Enumerated when IsBool(type) => "bool",
        H5DataTypeClass.String => "str",

        // Variable-length strings (h5py's and PureHDF's) are sequences of one-byte characters. Minari's JPEG-encoded
        // images are sequences of bytes too and also land here; image spaces are not read here anyway.
        H5DataTypeClass.VariableLength when type.VariableLength.BaseType.Class == H5DataTypeClass.FixedPoint && type.VariableLength.BaseType.Size == 1 => "str",
        _ => null,
    };

    private static H5Group Group(MinariEpisode episode)
    {
        var infos = new H5Group();
        foreach ((string key, MinariColumn column) in episode.Infos)
        {
            infos[key] = Dataset(column);
        }

        var group = new H5Group
        {
            ["observations"] = Dataset(episode.Observations),
            ["actions"] = Dataset(episode.Actions),
            ["rewards"] = Dataset(new MinariColumn(episode.Rewards)),
            ["terminations"] = Dataset(new MinariColumn(episode.Terminations)),
            ["truncations"] = Dataset(new MinariColumn(episode.Truncations)),
            ["infos"] = infos,
        };
        var attributes = new Dictionary<string, object>
        {
            ["id"] = (long)episode.Id,
            ["total_steps"] = (long)episode.Steps,
        };
        if (episode.Seed is long seed)
        {
            attributes["seed"] = seed;
        }

        // What Minari's default episode callback adds after collection (numpy's population standard deviation).
        if (episode.Steps > 0)
        {
            double mean = episode.Rewards.Average();
            attributes["rewards_sum"] = episode.Rewards.Sum();
            attributes["rewards_mean"] = mean;
            attributes["rewards_std"] = Math.Sqrt(episode.Rewards.Sum(r => (r - mean) * (r - mean)) / episode.Steps);
            attributes["rewards_max"] = episode.Rewards.Max();
            attributes["rewards_min"] = episode.Rewards.Min();
        }

        group.Attributes = attributes;
        return group;
    }

    private static H5Dataset Dataset(MinariColumn column)
    {
        object data = column.Values is bool[] flags ? Array.ConvertAll(flags, f => f ? H5Bool.TRUE : H5Bool.FALSE) : column.Values;
        return new H5Dataset(data, fileDims: column.FileShape());
    }

    private static MinariColumn ReadColumn(IH5Group group, string name, string dtype, IReadOnlyList<int> itemShape)
    {
        string path = $"{group.Name}/{name}";
        if (!group.LinkExists(name))
        {
            throw new InvalidDataException($"Episode dataset '{path}' is missing.");
        }

        IH5Dataset dataset = group.Dataset(name);
        string? found = DTypeOf(dataset.Type);
        if (found != dtype)
        {
            throw new InvalidDataException($"Episode dataset '{path}' holds {found ?? dataset.Type.Class.ToString()} values where {dtype} was expected.");
        }

        ulong[] dims = dataset.Space.Dimensions;
        if (dims.Length != itemShape.Count + 1 || !dims.Skip(1).Select(d => (int)d).SequenceEqual(itemShape))
        {
            throw new InvalidDataException($"Episode dataset '{path}' has shape ({string.Join(", ", dims)}) where (N, {string.Join(", ", itemShape)}) was expected.");
        }

        return TryReadColumn(dataset) ?? throw new InvalidDataException($"Episode dataset '{path}' cannot be read.");
    }

    /// <summary>Rewards as float64 (Minari writes what the environment returned: float64, sometimes an integer type).</summary>
    private static double[] ReadRewards(IH5Group group)
    {
        string path = $"{group.Name}/rewards";
        if (!group.LinkExists("rewards"))
        {
            throw new InvalidDataException($"Episode dataset '{path}' is missing.");
        }

        IH5Dataset dataset = group.Dataset("rewards");
        return DTypeOf(dataset.Type) switch
        {
            "float64" => dataset.Read<double[]>(),
            "float32" => Array.ConvertAll(dataset.Read<float[]>(), v => (double)v),
            "int64" => Array.ConvertAll(dataset.Read<long[]>(), v => (double)v),
            "int32" => Array.ConvertAll(dataset.Read<int[]>(), v => (double)v),
            string other => throw new InvalidDataException($"Episode dataset '{path}' holds {other} values where numbers were expected."),
            null => throw new InvalidDataException($"Episode dataset '{path}' holds {dataset.Type.Class} values where numbers were expected."),
        };
    }

    /// <summary>A dataset of one of the element types a <see cref="MinariColumn"/> holds; null for any other.</summary>
    private static MinariColumn? TryReadColumn(IH5Dataset dataset)
    {
        int[] itemShape = [.. dataset.Space.Dimensions.Skip(1).Select(d => (int)d)];
        Array? values = DTypeOf(dataset.Type) switch
        {
            "uint8" => dataset.Read<byte[]>(),
            "float32" => dataset.Read<float[]>(),
            "float64" => dataset.Read<double[]>(),
            "int64" => dataset.Read<long[]>(),
            "bool" => Array.ConvertAll(dataset.Read<byte[]>(), b => b != 0),
            "str" => dataset.Read<string[]>(),
            _ => null,
        };
        return values is null ? null : new MinariColumn(values, itemShape);
    }

    private static long ReadInteger(IH5Attribute attribute, string path) => DTypeOf(attribute.Type) switch
    {
        "int64" => attribute.Read<long>(),
        "uint64" => checked((long)attribute.Read<ulong>()),
        "int32" => attribute.Read<int>(),
        _ => throw new InvalidDataException($"Attribute '{path}' is not an integer."),
    };

    private static bool IsBool(IH5DataType type)
    {
        IEnumerationType enumeration = type.Enumeration;
        if (type.Size != 1)
        {
            return false;
        }

        IDictionary<string, byte> members = enumeration.GetMembers<byte>();
        return members.Count == 2 && members.TryGetValue("FALSE", out byte no) && no == 0 && members.TryGetValue("TRUE", out byte yes) && yes == 1;
    }
}
