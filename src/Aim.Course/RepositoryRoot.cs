namespace Aim.Course;

/// <summary>Finds the clone of this repository that a course project references.</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <c>Aim.Notebooks.sln</c>; null when none.</summary>
    public static string? Above(string start)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(start);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aim.Notebooks.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
