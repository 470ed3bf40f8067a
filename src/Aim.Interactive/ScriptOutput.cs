using Aim.Core.Envs;
using Aim.Experiments.Charts;
using Aim.Interactive.Display;
using Plotly.NET;

namespace Aim.Interactive;

/// <summary>
/// Where a notebook's file-based twin (<c>notebooks/scripts/NN-topic.cs</c>) writes what the notebook would show:
/// charts as self-contained offline HTML pages and frames as PNG images.
/// </summary>
public sealed class ScriptOutput
{
    private readonly List<string> _written = new();
    private int _shown;

    private ScriptOutput(string folder)
    {
        Folder = folder;
    }

    /// <summary>The output folder (created on first save).</summary>
    public string Folder { get; }

    /// <summary>The full paths of the files written so far, in order (a lesson lists each cell's new ones when it pauses).</summary>
    public IReadOnlyList<string> Written
    {
        get
        {
            lock (_written)
            {
                return _written.ToArray();
            }
        }
    }

    /// <summary>
    /// The output of twin <paramref name="name"/>: the folder given as the script's first argument, else
    /// <c>artifacts/scripts/{name}</c> under the repository root (found by walking up from the script's folder to
    /// <c>Aim.Notebooks.sln</c>; the working directory when there is none).
    /// </summary>
    /// <param name="name">The twin's name, e.g. <c>03-aim-step-by-step</c>.</param>
    /// <param name="args">The script's command-line arguments.</param>
    public static ScriptOutput For(string name, IReadOnlyList<string> args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(args);
        string folder = args.Count > 0 ? args[0] : Path.Combine(RepositoryRoot(), "artifacts", "scripts", name);
        return new ScriptOutput(Path.GetFullPath(folder));
    }

    /// <summary>Writes <paramref name="chart"/> as <c>{fileName}.html</c>, prints and returns the path.</summary>
    public string Save(GenericChart chart, string fileName) =>
        Report(chart.SaveOfflineHtml(Path.Combine(Folder, fileName + ".html")));

    /// <summary>Writes <paramref name="frame"/> as <c>{fileName}.png</c>, prints and returns the path.</summary>
    public string Save(RgbFrame frame, string fileName) =>
        Report(PngWriter.Save(frame, Path.Combine(Folder, fileName + ".png")));

    /// <summary>
    /// Shows <paramref name="value"/> the way a twin shows what its notebook displays (see <see cref="CellOutput.Show"/>):
    /// a chart is written as the next numbered page (<c>01-chart.html</c>, <c>02-chart.html</c>, …), a frame as the next
    /// numbered image (<c>03-frame.png</c>), and the path printed; anything else is printed as text (Deedle frames and
    /// series and comparison tables as fixed-width tables, sequences one item per line).
    /// </summary>
    /// <param name="value">What to show; <see langword="null"/> prints <c>&lt;null&gt;</c>.</param>
    public void Show(object? value)
    {
        switch (value)
        {
            case GenericChart chart:
                Save(chart, NextName("chart"));
                break;
            case RgbFrame frame:
                Save(frame, NextName("frame"));
                break;
            default:
                Console.WriteLine(PlainText.Format(value));
                break;
        }
    }

    private string Report(string path)
    {
        lock (_written)
        {
            _written.Add(path);
        }

        Console.WriteLine($"wrote {path}");
        return path;
    }

    // Numbered in the order shown, so that the folder lists the files in the notebook's order.
    private string NextName(string kind) => $"{Interlocked.Increment(ref _shown):00}-{kind}";

    private static string RepositoryRoot()
    {
        string start = AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aim.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
