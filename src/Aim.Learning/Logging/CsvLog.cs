using System.Globalization;
using System.Text;
using Aim.Core.IO;
using nietras.SeparatedValues;

namespace Aim.Learning.Logging;

/// <summary>
/// A CSV file written row by row and flushed after each row, so a crash keeps everything logged so far. Columns are
/// fixed when the file is created; a row with an unknown column is an error rather than a silently lost value.
/// </summary>
/// <remarks>
/// Written with Sep: comma-separated, UTF-8 without a byte order mark, one line per row ending in
/// <see cref="Environment.NewLine"/>, and a cell quoted (quotes doubled) only when it holds a comma, a quote or a line
/// break, as RFC 4180 asks.
/// </remarks>
public sealed class CsvLog : IDisposable
{
    private readonly SepWriter _writer;
    private readonly Dictionary<string, int> _index;
    private readonly double[] _values;
    private readonly bool _flushEachRow;

    /// <summary>Creates (or truncates) <paramref name="path"/> and writes the header.</summary>
    /// <param name="path">File to write.</param>
    /// <param name="columns">Column names, in order.</param>
    /// <param name="flushEachRow">Flush after each row (default true; the per-step log turns it off for speed and flushes per episode).</param>
    /// <param name="keepRows">
    /// Continue an existing file instead (a resumed run): keep its header and first <paramref name="keepRows"/> rows,
    /// drop what follows (rows written after the resume point, a row cut by a kill), then append. Null (default): a new file.
    /// </param>
    /// <exception cref="InvalidDataException">Continuing: the file is missing, has other columns or fewer rows than kept (the message names it).</exception>
    public CsvLog(string path, IReadOnlyList<string> columns, bool flushEachRow = true, long? keepRows = null)
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
        _values = new double[Columns.Count];
        _flushEachRow = flushEachRow;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        if (keepRows is long keep)
        {
            KeepRows(Path, Columns, keep);
        }

        var file = new StreamWriter(Path, append: keepRows is not null, new UTF8Encoding(false));
        _writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture, WriteHeader = keepRows is null }).To(file);
        if (keepRows is null)
        {
            _writer.Header.Add(Columns);
            _writer.Header.Write();
        }

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

        // NaN is written as an empty cell, so it also stands for "not given".
        Array.Fill(_values, double.NaN);
        foreach ((string key, double value) in values)
        {
            if (!_index.TryGetValue(key, out int i))
            {
                throw new ArgumentException($"'{key}' is not a column of {Path}; columns are: {string.Join(", ", Columns)}.", nameof(values));
            }

            _values[i] = value;
        }

        using (SepWriter.Row row = _writer.NewRow())
        {
            for (int i = 0; i < _values.Length; i++)
            {
                if (double.IsNaN(_values[i]))
                {
                    row[i].Set(ReadOnlySpan<char>.Empty);
                }
                else
                {
                    row[i].Format(_values[i], "R");
                }
            }
        }

        EndRow();
    }

    /// <summary>Writes one row of already formatted cells, in column order (quoted where a cell needs it).</summary>
    /// <exception cref="ArgumentException">The number of cells is not the number of columns.</exception>
    public void WriteRaw(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            throw new ArgumentException($"Expected {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        }

        using (SepWriter.Row row = _writer.NewRow())
        {
            for (int i = 0; i < cells.Length; i++)
            {
                row[i].Set(cells[i]);
            }
        }

        EndRow();
    }

    /// <summary>Flushes buffered rows to disk.</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Formats a number the way every log does (invariant culture, round-trip precision, empty for NaN).</summary>
    public static string Format(double value) => double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    /// <summary>Cuts <paramref name="path"/> to its header and first <paramref name="keep"/> rows (temporary file, then rename).</summary>
    private static void KeepRows(string path, IReadOnlyList<string> columns, long keep)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Cannot continue {path}: the file does not exist.");
        }

        // Our cells never hold line breaks (numbers and fixed reason strings), so a row is a line.
        using var reader = new StreamReader(path, new UTF8Encoding(false));
        string header = reader.ReadLine() ?? string.Empty;
        string expected = string.Join(',', columns);
        if (header != expected)
        {
            throw new InvalidDataException($"Cannot continue {path}: its header is '{header}' where '{expected}' is written.");
        }

        AtomicFile.Write(path, stream =>
        {
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
            {
                writer.NewLine = "\n";
                writer.WriteLine(header);
                for (long row = 0; row < keep; row++)
                {
                    string? line = reader.ReadLine();
                    if (line is null || (reader.EndOfStream && !EndsWithNewLine(path)))
                    {
                        throw new InvalidDataException($"Cannot continue {path}: it holds {row} complete rows where the resume point recorded {keep}.");
                    }

                    writer.WriteLine(line);
                }
            }

            // Closed before the rename replaces the file it reads (a file open for reading cannot be replaced on Windows).
            reader.Dispose();
        });
    }

    private static bool EndsWithNewLine(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    private void EndRow()
    {
        if (_flushEachRow)
        {
            _writer.Flush();
        }
    }
}
