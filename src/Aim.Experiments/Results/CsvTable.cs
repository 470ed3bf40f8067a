using System.Globalization;
using Aim.Core.IO;
using Aim.Learning.Logging;

namespace Aim.Experiments.Results;

/// <summary>Writes small CSV tables the way every results file is written: invariant culture, round-trip doubles, empty for NaN.</summary>
public static class CsvTable
{
    /// <summary>
    /// Writes a header and rows to <paramref name="path"/> (creating its folder), atomically (<see cref="AtomicFile"/>),
    /// in the format of the run logs (<see cref="CsvLog"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Two columns share a name, or a row's length is not the header's.</exception>
    public static void Write(string path, IReadOnlyList<string> header, IEnumerable<object?[]> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        AtomicFile.WriteByPath(path, temp =>
        {
            using var table = new CsvLog(temp, header, flushEachRow: false);
            foreach (object?[] row in rows)
            {
                table.WriteRaw(row.Select(Cell).ToArray());
            }
        });
    }

    /// <summary>One cell's text, before CSV quoting: empty for null, NaN and infinities; numbers in invariant culture, doubles round-trip.</summary>
    public static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        float f => float.IsFinite(f) ? f.ToString("R", CultureInfo.InvariantCulture) : string.Empty,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
