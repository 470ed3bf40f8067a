namespace Aim.Cli.Terminal;

/// <summary>Checks up front that results can be written, so a run does not fail at its end.</summary>
internal static class OutputFolder
{
    /// <summary>Creates <paramref name="path"/> if needed and writes and deletes a probe file; returns the full path.</summary>
    /// <exception cref="IOException">The folder cannot be created or written (the message names it).</exception>
    public static string EnsureWritable(string path)
    {
        string full = Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".aim-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write to the output folder '{full}': {e.Message}", e);
        }
    }
}
