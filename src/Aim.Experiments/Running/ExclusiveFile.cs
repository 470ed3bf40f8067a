namespace Aim.Experiments.Running;

/// <summary>
/// Opens a lock file with <see cref="FileShare.None"/>, which the runtime enforces across processes (flock on Unix), so
/// a process holds it until it closes the file or ends, however it ends (<see cref="RunLock"/>, <see cref="Sweeps.SweepLock"/>).
/// </summary>
internal static class ExclusiveFile
{
    /// <summary>Opens <paramref name="path"/> exclusively; another process's hold becomes <paramref name="held"/>'s exception.</summary>
    /// <exception cref="FileNotFoundException">With <see cref="FileMode.Open"/>, the file does not exist.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static FileStream Open(string path, FileMode mode, Func<IOException, Exception> held)
    {
        try
        {
            return new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw held(e);
        }
    }
}
