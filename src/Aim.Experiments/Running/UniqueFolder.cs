using System.Globalization;

namespace Aim.Experiments.Running;

/// <summary>
/// Creates a new folder that no other process can also claim: <c>{parent}/{name}</c>, or <c>{name}-2</c>,
/// <c>{name}-3</c>, … when taken. Time-stamped names have one-second resolution, so two commands started in the same
/// second would otherwise share (and interleave) one folder.
/// </summary>
public static class UniqueFolder
{
    /// <summary>
    /// The marker each new folder is claimed with. <see cref="Directory.CreateDirectory(string)"/> succeeds on an
    /// existing folder, so the folder alone cannot tell two creators apart; creating this file with
    /// <see cref="FileMode.CreateNew"/> is atomic, so exactly one of them gets it.
    /// </summary>
    public const string ClaimFile = ".aim-folder";

    /// <summary>Creates and claims a folder under <paramref name="parent"/> named <paramref name="name"/> or a suffixed variant.</summary>
    /// <returns>The full path of the new folder.</returns>
    /// <exception cref="IOException">The folder cannot be created (the message names it).</exception>
    public static string Create(string parent, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parent);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string baseName = Path.GetFullPath(Path.Combine(parent, name));
        for (int i = 1; ; i++)
        {
            string candidate = i == 1 ? baseName : string.Create(CultureInfo.InvariantCulture, $"{baseName}-{i}");

            // A folder that exists already belongs to an earlier command (or is being claimed right now).
            if (Directory.Exists(candidate))
            {
                continue;
            }

            try
            {
                Directory.CreateDirectory(candidate);
                using var claim = new FileStream(Path.Combine(candidate, ClaimFile), FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(claim);
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"created by process {Environment.ProcessId} on {Environment.MachineName} at {DateTime.UtcNow:O}\n"));
                return candidate;
            }
            catch (IOException) when (File.Exists(Path.Combine(candidate, ClaimFile)))
            {
                // Another process created the same folder between the check and the claim: it owns it.
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new IOException($"Cannot create the folder '{candidate}': {e.Message}", e);
            }
        }
    }
}
