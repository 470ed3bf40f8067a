using System.Globalization;

namespace Aim.Experiments.Results;

/// <summary>
/// Reads the small hand-written CSV tables of a reference folder strictly: the header must be exactly the expected
/// columns, every row as wide, every cell a number. Such tables are typed in by people, so a typo must stop the load
/// with the file and line rather than draw a wrong point.
/// </summary>
internal static class ReferenceCsv
{
    /// <summary>The rows of <paramref name="path"/>, each made by <paramref name="row"/> from a reader of its cells.</summary>
    /// <exception cref="FileNotFoundException">The file is missing (the message names it).</exception>
    /// <exception cref="InvalidDataException">A wrong header, a short or long row, or a cell that is not what its column holds (the message names the file and line).</exception>
    public static IReadOnlyList<T> Read<T>(string path, IReadOnlyList<string> header, Func<Row, T> row)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The reference table '{path}' is missing.", path);
        }

        string[] lines = File.ReadAllLines(path);
        string expected = string.Join(',', header);
        if (lines.Length == 0 || lines[0].Trim() != expected)
        {
            throw new InvalidDataException($"'{path}', line 1: the header must be '{expected}', got '{(lines.Length == 0 ? string.Empty : lines[0])}'.");
        }

        var rows = new List<T>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Count)
            {
                throw new InvalidDataException($"'{path}', line {i + 1}: {cells.Length} cells where the header has {header.Count}.");
            }

            rows.Add(row(new Row(path, i + 1, header, cells)));
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"'{path}' has no rows.");
        }

        return rows;
    }

    /// <summary>One row's cells, read by column name.</summary>
    internal sealed class Row
    {
        private readonly string _path;
        private readonly int _line;
        private readonly IReadOnlyList<string> _header;
        private readonly string[] _cells;

        /// <summary>Wraps the cells of line <paramref name="line"/> of <paramref name="path"/>.</summary>
        public Row(string path, int line, IReadOnlyList<string> header, string[] cells)
        {
            _path = path;
            _line = line;
            _header = header;
            _cells = cells;
        }

        /// <summary>A non-negative integer (seeds and step counts).</summary>
        public int Count(string column) =>
            int.TryParse(Cell(column), NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                ? value
                : throw Bad(column, "a non-negative integer");

        /// <summary>A rate in [0, 1] (test success).</summary>
        public double Rate(string column) =>
            double.TryParse(Cell(column), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is >= 0 and <= 1
                ? value
                : throw Bad(column, "a rate in [0, 1]");

        /// <summary>A finite non-negative number.</summary>
        public double Amount(string column) =>
            double.TryParse(Cell(column), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0
                ? value
                : throw Bad(column, "a non-negative number");

        private string Cell(string column) => _cells[IndexOf(column)].Trim();

        private int IndexOf(string column)
        {
            for (int i = 0; i < _header.Count; i++)
            {
                if (_header[i] == column)
                {
                    return i;
                }
            }

            throw new ArgumentException($"No column '{column}' in the expected header.", nameof(column));
        }

        private InvalidDataException Bad(string column, string what) =>
            new($"'{_path}', line {_line}: {column} must be {what}, got '{_cells[IndexOf(column)]}'.");
    }
}
