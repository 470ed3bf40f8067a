using System.Globalization;
using System.Text;

namespace Aim.Learning.Logging;

/// <summary>
/// A CSV file written row by row and flushed after each row, so a crash keeps everything logged so far. Columns are
/// fixed when the file is created; a row with an unknown column is an error rather than a silently lost value.
/// </summary>
public sealed class CsvLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Dictionary<string, int> _index;
    private readonly string[] _cells;
    private readonly bool _flushEachRow;

    /// <summary>Creates (or truncates) <paramref name="path"/> and writes the header.</summary>
    /// <param name="path">File to write.</param>
    /// <param name="columns">Column names, in order.</param>
    /// <param name="flushEachRow">Flush after each row (default true; the per-step log turns it off for speed and flushes per episode).</param>
    public CsvLog(string path, IReadOnlyList<string> columns, bool flushEachRow = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Distinct().Count() != columns.Count)
        {
            throw new ArgumentException($"Duplicate column names in [{string.Join(", ", columns)}].", nameof(columns));
        }

        Path = System.IO.Path.GetFullPath(path);
        Columns = columns.ToArray();
        _index = Columns.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        _cells = new string[Columns.Count];
        _flushEachRow = flushEachRow;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _writer = new StreamWriter(Path, append: false, new UTF8Encoding(false));
        _writer.WriteLine(string.Join(",", Columns.Select(Escape)));
        _writer.Flush();
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Writes one row; missing columns are left empty.</summary>
    /// <exception cref="ArgumentException">A key is not a column of this file.</exception>
    public void Write(IEnumerable<KeyValuePair<string, double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Array.Fill(_cells, string.Empty);
        foreach ((string key, double value) in values)
        {
            if (!_index.TryGetValue(key, out int i))
            {
                throw new ArgumentException($"'{key}' is not a column of {Path}; columns are: {string.Join(", ", Columns)}.", nameof(values));
            }

            _cells[i] = Format(value);
        }

        WriteCells();
    }

    /// <summary>Writes one row of already formatted cells, in column order.</summary>
    public void WriteRaw(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        }

        cells.CopyTo(_cells, 0);
        WriteCells();
    }

    /// <summary>Flushes buffered rows to disk.</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Formats a number the way every log does (invariant culture, round-trip precision, empty for NaN).</summary>
    public static string Format(double value) => double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private void WriteCells()
    {
        for (int i = 0; i < _cells.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            _writer.Write(Escape(_cells[i]));
        }

        _writer.WriteLine();
        if (_flushEachRow)
        {
            _writer.Flush();
        }
    }

    private static string Escape(string cell) =>
        cell.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
