namespace Aim.Learning.Torch;

/// <summary>
/// Replaces a checkpoint folder as a whole: a method's files are written into a fresh sibling folder, which then takes
/// the old folder's place, so a crash mid-save never leaves a mix of new and old networks (each file would pass its
/// own checksum, and the mix would load without complaint).
/// </summary>
public static class CheckpointFolder
{
    /// <summary>Writes a checkpoint into <paramref name="directory"/> with <paramref name="save"/>, replacing what was there only once it is complete.</summary>
    /// <param name="directory">The checkpoint folder, e.g. <c>{run}/checkpoints/best</c>.</param>
    /// <param name="save">Writes the checkpoint into the folder it is given (for example <c>IMethod.Save</c>).</param>
    public static void Replace(string directory, Action<string> save)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(save);
        string target = Path.GetFullPath(directory);
        string parent = Path.GetDirectoryName(target)!;
        string name = Path.GetFileName(target);
        string fresh = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.new");
        string stale = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.old");
        Directory.CreateDirectory(parent);
        try
        {
            save(fresh);
            if (Directory.Exists(target))
            {
                Directory.Move(target, stale);
            }

            Directory.Move(fresh, target);
        }
        catch
        {
            if (Directory.Exists(fresh))
            {
                Directory.Delete(fresh, recursive: true);
            }

            if (!Directory.Exists(target) && Directory.Exists(stale))
            {
                Directory.Move(stale, target);
            }

            throw;
        }

        if (Directory.Exists(stale))
        {
            Directory.Delete(stale, recursive: true);
        }
    }
}
