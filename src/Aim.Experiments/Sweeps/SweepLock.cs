using Aim.Experiments.Running;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// An exclusive hold on a sweep folder while one command writes into it (<c>sweep</c>, <c>compare</c>, <c>merge</c>):
/// <c>sweep.lock</c> opened with <see cref="FileShare.None"/>, which the runtime enforces across processes (flock on
/// Unix). A second command on the same folder is refused instead of rerunning or rewriting the same runs. The file is
/// left in place: deleting it on close would let a waiting process lock an unlinked file while a third locks a new one.
/// </summary>
public sealed class SweepLock : IDisposable
{
    /// <summary>The lock file's name inside a sweep folder.</summary>
    public const string FileName = "sweep.lock";

    private readonly FileStream _stream;

    private SweepLock(FileStream stream, string directory)
    {
        _stream = stream;
        Directory = directory;
    }

    /// <summary>The folder this lock holds (full path).</summary>
    public string Directory { get; }

    /// <summary>Takes the lock of <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="InvalidOperationException">Another command holds it (the message names the folder).</exception>
    public static SweepLock Acquire(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        return new SweepLock(
            ExclusiveFile.Open(Path.Combine(full, FileName), FileMode.OpenOrCreate, e => new InvalidOperationException(
                $"'{full}' is in use by another aim command (it holds {FileName}): wait for it to finish or choose another --out.", e)),
            full);
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// <paramref name="held"/> when the caller already holds <paramref name="directory"/>'s lock (it keeps it after the
    /// callee returns, e.g. to write the tables), else a new lock the callee releases; null result means "held by caller".
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="held"/> holds another folder.</exception>
    internal static SweepLock? AcquireUnlessHeld(string directory, SweepLock? held)
    {
        if (held is null)
        {
            return Acquire(directory);
        }

        string full = Path.GetFullPath(directory);
        return held.Directory == full
            ? null
            : throw new ArgumentException($"The lock held is for '{held.Directory}', not '{full}'.", nameof(held));
    }
}
