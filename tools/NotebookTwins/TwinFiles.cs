namespace NotebookTwins;

/// <summary>A notebook and its twin, by path from the repository root (<c>/</c>-separated).</summary>
/// <param name="NotebookPath">E.g. <c>notebooks/00-setup.ipynb</c>.</param>
/// <param name="TwinPath">E.g. <c>notebooks/scripts/00-setup.cs</c>.</param>
internal sealed record TwinPair(string NotebookPath, string TwinPath);

/// <summary>Where notebooks and twins live in the repository, and what each twin should contain.</summary>
internal static class TwinFiles
{
    /// <summary>The notebooks' folder, from the repository root.</summary>
    public const string NotebookFolder = "notebooks";

    /// <summary>The twins' folder, from the repository root.</summary>
    public const string TwinFolder = "notebooks/scripts";

    private const string SolutionFile = "Aim.Notebooks.sln";

    /// <summary>The repository root: <paramref name="start"/> or the nearest folder above it with the solution file.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} in {start} or above it: run from inside the repository.");
    }

    /// <summary>Every notebook (<c>notebooks/*.ipynb</c>, in name order) with the path of its twin.</summary>
    public static IReadOnlyList<TwinPair> Pairs(string root) =>
        Directory.GetFiles(Path.Combine(root, NotebookFolder), "*.ipynb")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .Select(name => new TwinPair($"{NotebookFolder}/{name}.ipynb", $"{TwinFolder}/{name}.cs"))
            .ToArray();

    /// <summary>Twins (<c>notebooks/scripts/*.cs</c>) whose notebook is gone.</summary>
    public static IReadOnlyList<string> Orphans(string root)
    {
        string folder = Path.Combine(root, TwinFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var twins = Pairs(root).Select(p => p.TwinPath).ToHashSet(StringComparer.Ordinal);
        return Directory.GetFiles(folder, "*.cs")
            .Select(f => $"{TwinFolder}/{Path.GetFileName(f)}")
            .Where(t => !twins.Contains(t))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>What the twin of <paramref name="pair"/> should contain, from the notebook as it is now.</summary>
    /// <exception cref="NotebookTranslationException">A cell cannot be translated.</exception>
    public static string Generate(string root, TwinPair pair)
    {
        NotebookDocument notebook = NotebookDocument.Parse(File.ReadAllText(Path.Combine(root, pair.NotebookPath)));
        string twinFolder = Path.GetDirectoryName(Path.Combine(root, pair.TwinPath))!;
        return TwinWriter.Write(notebook, pair.NotebookPath, pair.TwinPath, id => ProjectOf(root, twinFolder, id));
    }

    /// <summary>Whether the twin of <paramref name="pair"/> exists with exactly the generated text.</summary>
    public static bool IsUpToDate(string root, TwinPair pair, string generated)
    {
        string path = Path.Combine(root, pair.TwinPath);
        return File.Exists(path) && File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal) == generated;
    }

    // The packages a notebook loads from the local feed are the projects under src/ (scripts/setup-notebooks.sh packs
    // them); a twin builds those from source instead.
    private static string? ProjectOf(string root, string twinFolder, string packageId)
    {
        string project = Path.Combine(root, "src", packageId, packageId + ".csproj");
        return File.Exists(project) ? Path.GetRelativePath(twinFolder, project).Replace('\\', '/') : null;
    }
}
