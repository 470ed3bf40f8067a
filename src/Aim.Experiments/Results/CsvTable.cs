using System.Globalization;
using System.Text;

namespace Aim.Experiments.Results;

/// <summary>Writes small CSV tables the way every results file is written: invariant culture, round-trip doubles, empty for NaN.</summary>
public static class CsvTable
{
    /// <summary>Writes a header and rows to <paramref name="path"/> (creating its folder), atomically (<see cref="AtomicFile"/>).</summary>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = new StringBuilder();
        text.AppendLine(string.Join(",", header.Select(Escape)));
        foreach (object?[] row in rows)
        {
            text.AppendLine(string.Join(",", row.Select(Cell)));
        }

        AtomicFile.Write(path, temp => File.WriteAllText(temp, text.ToString(), new UTF8Encoding(false)));
    }

    /// <summary>One cell as CSV text.</summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        IFormattable f => Escape(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Escape(value.ToString() ?? string.Empty),
    };

    private static string Escape(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
