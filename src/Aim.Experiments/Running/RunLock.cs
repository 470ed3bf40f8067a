namespace Aim.Experiments.Running;

/// <summary>
/// An exclusive hold on one run folder by the process that writes the run, for the run's whole life: <c>run.lock</c>
/// opened with <see cref="FileShare.None"/>, which the runtime enforces across processes (flock on Unix). The operating
/// system drops it when the process ends, however it ends, so a killed run never leaves a stale lock; a run still
/// writing (for example one a killed sweep left behind) keeps it, and nothing else may write into or delete its folder.
/// The file is left in place: deleting it on close would let a waiting process lock an unlinked file while a third
/// locks a new one.
/// </summary>
public sealed class RunLock : IDisposable
{
    /// <summary>The lock file's name inside a run folder.</summary>
    public const string FileName = "run.lock";

    private readonly FileStream _stream;

    private RunLock(FileStream stream, string directory)
    {
        _stream = stream;
        Directory = directory;
    }

    /// <summary>The run folder this lock holds (full path).</summary>
    public string Directory { get; }

    /// <summary>Takes the lock of the run folder <paramref name="runDirectory"/>, which must exist.</summary>
    /// <exception cref="InvalidOperationException">A live process holds it (the message names the folder).</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static RunLock Acquire(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        string full = Path.GetFullPath(runDirectory);
        return new RunLock(ExclusiveFile.Open(Path.Combine(full, FileName), FileMode.OpenOrCreate, e => Held(full, e)), full);
    }

    /// <summary>
    /// Checks that no live process holds the run folder <paramref name="runDirectory"/> (a missing folder or lock file is
    /// free), before the caller deletes, resumes or restarts the run in it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A live process holds it (the message names the folder).</exception>
    public static void EnsureFree(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        string full = Path.GetFullPath(runDirectory);
        try
        {
            // Open, not create: a folder without the file has no holder, and the probe should not add files to it.
            using FileStream probe = ExclusiveFile.Open(Path.Combine(full, FileName), FileMode.Open, e => Held(full, e));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static InvalidOperationException Held(string directory, Exception inner) => new(
        $"'{directory}' is held by a live process that is still writing this run (it holds {FileName}): wait for that process to end or stop it, then run the command again.",
        inner);
}
