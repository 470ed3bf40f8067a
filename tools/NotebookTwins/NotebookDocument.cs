using System.Text.Json;

namespace NotebookTwins;

/// <summary>What a cell holds: prose or code.</summary>
internal enum CellKind
{
    /// <summary>A markdown cell.</summary>
    Markdown,

    /// <summary>A code cell.</summary>
    Code,
}

/// <summary>One cell of a notebook.</summary>
/// <param name="Number">The cell's position in the notebook, counting from 1 (markdown cells included).</param>
/// <param name="Kind">Markdown or code.</param>
/// <param name="Source">The cell's text, lines joined with <c>\n</c>.</param>
/// <param name="Language">The kernel of a code cell (<c>csharp</c>, <c>fsharp</c>, …); <c>markdown</c> for prose.</param>
internal sealed record NotebookCell(int Number, CellKind Kind, string Source, string Language);

/// <summary>The cells of a Jupyter notebook (<c>.ipynb</c>, nbformat 4) as .NET Interactive writes it.</summary>
internal sealed class NotebookDocument
{
    private NotebookDocument(IReadOnlyList<NotebookCell> cells)
    {
        Cells = cells;
    }

    /// <summary>The cells in notebook order.</summary>
    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>Reads a notebook from its JSON text.</summary>
    /// <exception cref="JsonException">The text is not a notebook.</exception>
    public static NotebookDocument Parse(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        string defaultLanguage = DefaultLanguage(root);
        var cells = new List<NotebookCell>();
        foreach (JsonElement cell in root.GetProperty("cells").EnumerateArray())
        {
            string type = cell.GetProperty("cell_type").GetString() ?? string.Empty;
            string source = Source(cell);
            if (type == "code")
            {
                cells.Add(new NotebookCell(cells.Count + 1, CellKind.Code, source, CellLanguage(cell) ?? defaultLanguage));
            }
            else
            {
                // Raw cells are prose to a reader too.
                cells.Add(new NotebookCell(cells.Count + 1, CellKind.Markdown, source, "markdown"));
            }
        }

        return new NotebookDocument(cells);
    }

    // nbformat stores the source as one string or as a list of lines that keep their line breaks.
    private static string Source(JsonElement cell)
    {
        JsonElement source = cell.GetProperty("source");
        string text = source.ValueKind == JsonValueKind.Array
            ? string.Concat(source.EnumerateArray().Select(line => line.GetString()))
            : source.GetString() ?? string.Empty;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    // Polyglot Notebooks records the kernel of each cell in its metadata; older .NET Interactive versions used
    // dotnet_interactive.language.
    private static string? CellLanguage(JsonElement cell)
    {
        if (!cell.TryGetProperty("metadata", out JsonElement metadata))
        {
            return null;
        }

        if (metadata.TryGetProperty("polyglot_notebook", out JsonElement polyglot)
            && polyglot.TryGetProperty("kernelName", out JsonElement kernel))
        {
            return kernel.GetString();
        }

        return metadata.TryGetProperty("dotnet_interactive", out JsonElement interactive)
            && interactive.TryGetProperty("language", out JsonElement language)
            ? language.GetString()
            : null;
    }

    private static string DefaultLanguage(JsonElement root) =>
        root.TryGetProperty("metadata", out JsonElement metadata)
        && metadata.TryGetProperty("polyglot_notebook", out JsonElement polyglot)
        && polyglot.TryGetProperty("kernelInfo", out JsonElement info)
        && info.TryGetProperty("defaultKernelName", out JsonElement name)
        && name.GetString() is { Length: > 0 } kernel
            ? kernel
            : "csharp";
}
