using System.Globalization;

namespace Aim.Experiments.Results;

/// <summary>
/// Writes result files whole or not at all: into a temporary file next to the target, then renamed over it (a rename
/// within one folder is atomic), so a crash or a concurrent reader never sees a half-written table.
/// </summary>
public static class AtomicFile
{
    /// <summary>Calls <paramref name="write"/> with a temporary path, then moves that file to <paramref name="path"/>.</summary>
    /// <returns>The full path of the written file.</returns>
    public static string Write(string path, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temp = TemporaryName(full);
        try
        {
            write(temp);
            File.Move(temp, full, overwrite: true);
            return full;
        }
        finally
        {
            DeleteQuietly(temp);
        }
    }

    /// <summary>
    /// A temporary name next to <paramref name="path"/>, unique to this process and call (two writers of the same
    /// table never share one).
    /// </summary>
    public static string TemporaryName(string path) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFullPath(path)}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes <paramref name="path"/> if it exists, ignoring failures (cleanup after an error).</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; it has a .tmp name, so no reader takes it for a table.
        }
    }
}
