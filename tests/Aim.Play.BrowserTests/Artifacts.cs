namespace Aim.Play.BrowserTests;

/// <summary>Where the browser tests save what a person should look at (screenshots): <c>artifacts/play/</c>.</summary>
public static class Artifacts
{
    /// <summary>
    /// <c>artifacts/play/</c> under the repository root (found by walking up from the test assembly to
    /// <c>Directory.Build.props</c>); created when missing. <c>artifacts/</c> is git-ignored.
    /// </summary>
    public static string PlayDirectory()
    {
        string directory = Path.Combine(RepositoryRoot(), "artifacts", "play");
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(d.FullName, "src")))
            {
                return d.FullName;
            }
        }

        // Outside a checkout (a copied test folder) keep the files next to the tests rather than failing the run.
        return AppContext.BaseDirectory;
    }
}
