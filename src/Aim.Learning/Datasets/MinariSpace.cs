using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aim.Core.Spaces;

namespace Aim.Learning.Datasets;

/// <summary>
/// An observation or action space as a Minari dataset's <c>metadata.json</c> describes it: Gymnasium's <c>Box</c> or
/// <c>Discrete</c>, serialized the way Minari's <c>serialize_space</c> does (a JSON string holding <c>type</c>,
/// <c>dtype</c>, <c>shape</c> and nested <c>low</c>/<c>high</c> lists for a box; <c>n</c> and <c>start</c> for a
/// discrete space, whose dtype is always <c>int64</c>).
/// </summary>
public sealed partial class MinariSpace
{
    private readonly double[] _low;
    private readonly double[] _high;

    private MinariSpace(string type, string dtype, int[] shape, double[] low, double[] high, long n, long start)
    {
        Type = type;
        DType = dtype;
        Shape = shape;
        _low = low;
        _high = high;
        N = n;
        Start = start;
    }

    /// <summary>The Gymnasium space type: <c>Box</c> or <c>Discrete</c>.</summary>
    public string Type { get; }

    /// <summary>The numpy dtype of one element: <c>uint8</c> or <c>float32</c> for our boxes, <c>int64</c> for a discrete space.</summary>
    public string DType { get; }

    /// <summary>The shape of one element (empty for a discrete space).</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Values per element: the product of <see cref="Shape"/> (1 for a discrete space).</summary>
    public int Size => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>A box's lower bounds, flat and row-major (empty for a discrete space).</summary>
    public IReadOnlyList<double> Low => _low;

    /// <summary>A box's upper bounds, flat and row-major (empty for a discrete space).</summary>
    public IReadOnlyList<double> High => _high;

    /// <summary>A discrete space's number of values (0 for a box).</summary>
    public long N { get; }

    /// <summary>A discrete space's first value (0 for a box).</summary>
    public long Start { get; }

    /// <summary>True for a <c>Discrete</c> space.</summary>
    public bool IsDiscrete => Type == "Discrete";

    /// <summary>The Minari form of one of our environments' spaces.</summary>
    /// <exception cref="NotSupportedException">The space is not a byte box, a float box or a discrete space.</exception>
    public static MinariSpace From<T>(ISpace<T> space) => space switch
    {
        Box<byte> b => Box("uint8", b.Shape, Doubles(b.Low), Doubles(b.High)),
        Box<float> f => Box("float32", f.Shape, Doubles(f.Low), Doubles(f.High)),
        Discrete d => new MinariSpace("Discrete", "int64", [], [], [], d.N, d.Start),
        null => throw new ArgumentNullException(nameof(space)),
        _ => throw new NotSupportedException($"Space {space} has no Minari form here: expected Box<byte>, Box<float> or Discrete."),
    };

    /// <summary>Parses a space serialized by Minari (the JSON string stored under <c>observation_space</c> or <c>action_space</c>).</summary>
    /// <exception cref="InvalidDataException">Not JSON, or not a Box or Discrete space with the fields Minari writes (the message says which).</exception>
    public static MinariSpace Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonObject root;
        try
        {
            // Python's json writes non-finite bounds as bare Infinity and NaN, which JSON itself has no word for.
            root = JsonNode.Parse(NonFinite().Replace(json, "\"$1\"")) as JsonObject
                ?? throw new InvalidDataException($"A serialized space must be a JSON object; got '{json}'.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"A serialized space is not JSON ({e.Message}): '{json}'.", e);
        }

        string type = Text(root, "type", json);
        switch (type)
        {
            case "Box":
                string dtype = Text(root, "dtype", json);
                int[] shape = (root["shape"] as JsonArray ?? throw Missing("shape", json)).Select(n => n!.GetValue<int>()).ToArray();
                var low = new List<double>();
                var high = new List<double>();
                Flatten(root["low"] ?? throw Missing("low", json), low);
                Flatten(root["high"] ?? throw Missing("high", json), high);
                int size = shape.Aggregate(1, (a, b) => a * b);
                if (low.Count != size || high.Count != size)
                {
                    throw new InvalidDataException($"Box bounds hold {low.Count} and {high.Count} values; shape [{string.Join(", ", shape)}] needs {size}: '{json}'.");
                }

                return Box(dtype, shape, [.. low], [.. high]);
            case "Discrete":
                long n = (root["n"] ?? throw Missing("n", json)).GetValue<long>();
                long start = root["start"]?.GetValue<long>() ?? 0;
                return new MinariSpace("Discrete", "int64", [], [], [], n, start);
            default:
                throw new InvalidDataException($"Space type '{type}' is not supported here (Box or Discrete): '{json}'.");
        }
    }

    /// <summary>
    /// The serialized form, as Minari's <c>serialize_space</c> writes it: the JSON text stored as a string under
    /// <c>observation_space</c> or <c>action_space</c> in <c>metadata.json</c>.
    /// </summary>
    public string ToJson()
    {
        var root = new JsonObject { ["type"] = Type, ["dtype"] = DType };
        if (IsDiscrete)
        {
            root["start"] = Start;
            root["n"] = N;
        }
        else
        {
            root["shape"] = new JsonArray([.. Shape.Select(d => (JsonNode?)d)]);
            root["low"] = Nest(_low, 0, 0);
            root["high"] = Nest(_high, 0, 0);
        }

        return root.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// How this space differs from <paramref name="expected"/>, in words (type, dtype, shape or the first differing
    /// bound); null when they are the same space.
    /// </summary>
    public string? DifferenceFrom(MinariSpace expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (Type != expected.Type)
        {
            return $"type {Type} where {expected.Type} was expected";
        }

        if (DType != expected.DType)
        {
            return $"dtype {DType} where {expected.DType} was expected";
        }

        if (IsDiscrete)
        {
            return N == expected.N && Start == expected.Start ? null : $"{this} where {expected} was expected";
        }

        if (!Shape.SequenceEqual(expected.Shape))
        {
            return $"shape [{string.Join(", ", Shape)}] where [{string.Join(", ", expected.Shape)}] was expected";
        }

        for (int i = 0; i < _low.Length; i++)
        {
            if (!_low[i].Equals(expected._low[i]) || !_high[i].Equals(expected._high[i]))
            {
                return $"bounds [{Format(_low[i])}, {Format(_high[i])}] at flat entry {i} where [{Format(expected._low[i])}, {Format(expected._high[i])}] was expected";
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => IsDiscrete
        ? (Start == 0 ? $"Discrete({N})" : $"Discrete({N}, start={Start})")
        : $"Box({DType}, shape [{string.Join(", ", Shape)}])";

    private static MinariSpace Box(string dtype, IReadOnlyList<int> shape, double[] low, double[] high) =>
        new("Box", dtype, [.. shape], low, high, 0, 0);

    private static double[] Doubles<T>(ReadOnlySpan<T> values)
        where T : System.Numerics.INumber<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = double.CreateChecked(values[i]);
        }

        return result;
    }

    /// <summary>Flat bounds as nested lists, one level per dimension (numpy's <c>tolist()</c>).</summary>
    private JsonNode Nest(double[] flat, int dimension, int offset)
    {
        var list = new JsonArray();
        int stride = Shape.Skip(dimension + 1).Aggregate(1, (a, b) => a * b);
        for (int i = 0; i < Shape[dimension]; i++)
        {
            list.Add(dimension == Shape.Count - 1 ? Number(flat[offset + i]) : Nest(flat, dimension + 1, offset + (i * stride)));
        }

        return list;
    }

    /// <summary>A whole number as an integer (numpy's integer dtypes), any other as a float.</summary>
    private JsonNode Number(double value) => DType.StartsWith("float", StringComparison.Ordinal)
        ? JsonValue.Create(value)
        : JsonValue.Create((long)value);

    private static void Flatten(JsonNode node, List<double> into)
    {
        if (node is JsonArray array)
        {
            foreach (JsonNode? item in array)
            {
                Flatten(item!, into);
            }

            return;
        }

        JsonValue value = node.AsValue();
        into.Add(value.TryGetValue(out string? word)
            ? word switch
            {
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => double.NaN,
            }
            : value.GetValue<double>());
    }

    private static string Text(JsonObject root, string key, string json) =>
        root[key]?.GetValue<string>() ?? throw Missing(key, json);

    private static InvalidDataException Missing(string key, string json) =>
        new($"A serialized space lacks '{key}': '{json}'.");

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![""\w])(-?Infinity|NaN)(?![""\w])")]
    private static partial Regex NonFinite();
}
