namespace Aim.Learning.Datasets;

/// <summary>
/// One HDF5 dataset of an episode: its rows (one per observation, action or step) stored flat and row-major, and the
/// shape of one row. <see cref="Values"/> is a <c>byte[]</c>, <c>float[]</c>, <c>double[]</c>, <c>long[]</c>,
/// <c>bool[]</c> or <c>string[]</c>, which the file stores as <c>uint8</c>, <c>float32</c>, <c>float64</c>,
/// <c>int64</c>, numpy's bool (an enum of FALSE and TRUE) or variable-length UTF-8 strings.
/// </summary>
public sealed class MinariColumn
{
    /// <summary>Creates the column.</summary>
    /// <param name="values">The rows, flat.</param>
    /// <param name="itemShape">The shape of one row (empty for one value a row).</param>
    /// <exception cref="ArgumentException">The values do not fill whole rows, or their element type is not one of those listed.</exception>
    public MinariColumn(Array values, IReadOnlyList<int>? itemShape = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values;
        ItemShape = itemShape?.ToArray() ?? [];
        ItemSize = ItemShape.Aggregate(1, (a, b) => a * b);
        DType = DTypeOf(values);
        if (ItemSize <= 0 || values.Length % ItemSize != 0)
        {
            throw new ArgumentException($"{values.Length} values do not fill whole rows of shape [{string.Join(", ", ItemShape)}].", nameof(values));
        }
    }

    /// <summary>The rows, flat and row-major.</summary>
    public Array Values { get; }

    /// <summary>The shape of one row.</summary>
    public IReadOnlyList<int> ItemShape { get; }

    /// <summary>Values per row.</summary>
    public int ItemSize { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Values.Length / ItemSize;

    /// <summary>The numpy dtype the file stores: <c>uint8</c>, <c>float32</c>, <c>float64</c>, <c>int64</c>, <c>bool</c> or <c>str</c>.</summary>
    public string DType { get; }

    /// <summary>The rows as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidDataException">The column holds another element type (the message names both).</exception>
    public T[] As<T>() => Values as T[]
        ?? throw new InvalidDataException($"The column holds {DType} values, not {typeof(T).Name}.");

    /// <summary>The dataset's full shape: rows, then <see cref="ItemShape"/>.</summary>
    public ulong[] FileShape() => [(ulong)Rows, .. ItemShape.Select(d => (ulong)d)];

    private static string DTypeOf(Array values) => values switch
    {
        byte[] => "uint8",
        float[] => "float32",
        double[] => "float64",
        long[] => "int64",
        bool[] => "bool",
        string[] => "str",
        _ => throw new ArgumentException($"Values of type {values.GetType().Name} cannot be stored: expected byte[], float[], double[], long[], bool[] or string[].", nameof(values)),
    };
}
