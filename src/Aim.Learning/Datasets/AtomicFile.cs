namespace Aim.Learning.Datasets;

/// <summary>
/// Replaces a file whole: the new content goes to <c>{path}.partial</c>, is flushed to the disk, and is then renamed over
/// <c>{path}</c>. A rename within a folder is atomic, so whenever the process dies, the file is either its old or its new
/// content, never a part of one.
/// </summary>
internal static class AtomicFile
{
    /// <summary>The suffix of the file being written.</summary>
    public const string PartialSuffix = ".partial";

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/> and renames it into place.</summary>
    /// <param name="path">The file to replace.</param>
    /// <param name="write">Writes the new content.</param>
    /// <param name="open">
    /// Opens the partial file (null: a plain file stream); tests pass a stream that fails part-way, as a process killed
    /// mid-write would leave it.
    /// </param>
    public static void Write(string path, Action<Stream> write, Func<string, Stream>? open = null)
    {
        string partial = path + PartialSuffix;
        // ReadWrite: PureHDF seeks back and reads what it wrote.
        using (Stream stream = open?.Invoke(partial) ?? new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            write(stream);
            stream.Flush();
            if (stream is FileStream file)
            {
                // On the disk before the rename, so that a power cut after it cannot leave an empty file in its place.
                file.Flush(flushToDisk: true);
            }
        }

        File.Move(partial, path, overwrite: true);
    }
}
