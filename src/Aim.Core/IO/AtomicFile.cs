using System.Globalization;

namespace Aim.Core.IO;

/// <summary>
/// Replaces a file whole or not at all: the new content goes to a temporary file in the target's folder, whose name is
/// unique to the process and the call, and that file is then renamed over the target. A rename within one folder is
/// atomic, so a reader, a crash or a second writer of the same file never sees a part of one content: the file is
/// always its old content or one complete new one, and of two writers at once the later rename wins.
/// </summary>
/// <remarks>
/// A process killed mid-write leaves its temporary file behind: a hidden name ending in <see cref="TemporarySuffix"/>,
/// which no reader takes for the file it replaces.
/// </remarks>
public static class AtomicFile
{
    /// <summary>The suffix of every temporary file (<c>.tmp</c>).</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Writes <paramref name="path"/> through a stream on a temporary file, flushes that file to the disk and renames it
    /// over <paramref name="path"/> (creating the folder). When <paramref name="write"/> throws, the temporary file is
    /// deleted and <paramref name="path"/> is left as it was.
    /// </summary>
    /// <param name="path">The file to replace.</param>
    /// <param name="write">Writes the new content; the stream can be read and seeked too (some writers read back what they wrote).</param>
    /// <param name="open">
    /// Opens the temporary file given its path (null, the default: a new file stream); tests pass a stream that fails
    /// part-way, as a process killed mid-write would leave it.
    /// </param>
    /// <returns>The full path of the written file.</returns>
    public static string Write(string path, Action<Stream> write, Func<string, Stream>? open = null)
    {
        ArgumentNullException.ThrowIfNull(write);
        return WriteByPath(path, temporary =>
        {
            using Stream stream = open?.Invoke(temporary)
                ?? new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
            write(stream);
            stream.Flush();
            if (stream is FileStream file)
            {
                // On the disk before the rename, so that a power cut after it cannot leave an empty file in its place.
                file.Flush(flushToDisk: true);
            }
        });
    }

    /// <summary>
    /// Calls <paramref name="write"/> with the path of a temporary file, for writers that open the file themselves
    /// (a data frame's CSV writer, <see cref="File.WriteAllText(string, string?)"/>), then renames that file over
    /// <paramref name="path"/> (creating the folder). The file is not flushed to the disk first: <paramref name="write"/>
    /// has closed it. When <paramref name="write"/> throws, the temporary file is deleted and <paramref name="path"/> is
    /// left as it was.
    /// </summary>
    /// <param name="path">The file to replace.</param>
    /// <param name="write">Writes the new content to the path it is given.</param>
    /// <returns>The full path of the written file.</returns>
    public static string WriteByPath(string path, Action<string> write)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        string temporary = TemporaryName(full);
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
            return full;
        }
        finally
        {
            // After a successful move there is nothing left to delete; after a failure the half-written file goes.
            DeleteQuietly(temporary);
        }
    }

    /// <summary>
    /// A temporary name in <paramref name="path"/>'s folder, hidden and unique to this process and call, so two
    /// writers of the same file never share one: <c>.{name}.{process id}-{guid}.tmp</c>.
    /// </summary>
    public static string TemporaryName(string path)
    {
        string full = Path.GetFullPath(path);
        return Path.Combine(
            Path.GetDirectoryName(full)!,
            string.Create(CultureInfo.InvariantCulture, $".{Path.GetFileName(full)}.{Environment.ProcessId}-{Guid.NewGuid():N}{TemporarySuffix}"));
    }

    /// <summary>Deletes <paramref name="path"/> if it exists, ignoring failures (cleanup after an error).</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; it has a hidden .tmp name, so no reader takes it for the file it was to replace.
        }
    }
}
