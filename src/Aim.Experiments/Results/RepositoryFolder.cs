namespace Aim.Experiments.Results;

/// <summary>
/// Finds the repository's data folders from wherever the caller runs: a notebook's kernel starts in
/// <c>notebooks/</c>, a script or the command line in the repository root or below it.
/// </summary>
internal static class RepositoryFolder
{
    /// <summary>The first <c>{directory}/{relative}</c> that exists, from the working directory upwards; null when none does.</summary>
    public static string? FindUpwards(string relative)
    {
        for (DirectoryInfo? dir = new(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
