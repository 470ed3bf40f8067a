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

    private SweepLock(FileStream stream) => _stream = stream;

    /// <summary>Takes the lock of <paramref name="directory"/> (created if missing).</summary>
    /// <exception cref="InvalidOperationException">Another command holds it (the message names the folder).</exception>
    public static SweepLock Acquire(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        string full = Path.GetFullPath(directory);
        Directory.CreateDirectory(full);
        try
        {
            return new SweepLock(new FileStream(Path.Combine(full, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException))
        {
            throw new InvalidOperationException(
                $"'{full}' is in use by another aim command (it holds {FileName}): wait for it to finish or choose another --out.", e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
