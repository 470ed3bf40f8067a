using Aim.Experiments.Running;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// Joins the folders of a sweep's shards (each written by <c>aim sweep --shard i/N</c>) into one folder with the same
/// runs, tables and report as an unsharded run of the sweep.
/// </summary>
public static class SweepMerge
{
    /// <summary>
    /// Copies every finished run of <paramref name="inputs"/> into <paramref name="output"/> and writes the manifest.
    /// An input whose sweep.json is damaged is left out and listed (its runs count as missing), so one bad shard does not
    /// stop the merge of the others.
    /// </summary>
    /// <returns>The plan, the runs of it that no input had finished, and the inputs left out with the reason.</returns>
    /// <exception cref="ArgumentException">
    /// No inputs, an input that is not a sweep folder, inputs of different sweeps, or an output that is neither empty nor
    /// a sweep folder (see <see cref="EnsureOutput"/>).
    /// </exception>
    /// <exception cref="InvalidDataException">Every input's sweep.json is damaged (the message names the first).</exception>
    /// <exception cref="InvalidOperationException">A live process still writes a run in <paramref name="output"/> that an input has finished (see <see cref="RunLock"/>).</exception>
    /// <param name="inputs">The shard folders.</param>
    /// <param name="output">The merged folder.</param>
    /// <param name="held">The output's lock when the caller holds it already (see <see cref="SweepExecutor.Execute"/>); null: taken and released here.</param>
    public static (SweepPlan Plan, IReadOnlyList<SweepRun> Missing, IReadOnlyList<string> SkippedInputs) Merge(IReadOnlyList<string> inputs, string output, SweepLock? held = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: give the shard folders with --inputs.", nameof(inputs));
        }

        EnsureOutput(output);

        var readable = new List<(string Input, SweepPlan Plan)>();
        var skipped = new List<string>();
        foreach (string input in inputs)
        {
            try
            {
                readable.Add((input, SweepManifest.Read(input)));
            }
            catch (InvalidDataException e)
            {
                skipped.Add(e.Message);
            }
        }

        if (readable.Count == 0)
        {
            throw new InvalidDataException($"No input has a readable {SweepManifest.FileName}: {skipped[0]}");
        }

        (string first, SweepPlan plan) = readable[0];
        string manifest = SweepManifest.ToJson(plan);
        foreach ((string input, SweepPlan other) in readable.Skip(1))
        {
            if (SweepManifest.ToJson(other) != manifest)
            {
                throw new ArgumentException($"'{Path.GetFullPath(input)}' holds another sweep than '{Path.GetFullPath(first)}'.", nameof(inputs));
            }
        }

        using SweepLock? hold = SweepLock.AcquireUnlessHeld(output, held);
        SweepManifest.Write(output, plan);
        foreach (SweepRun run in plan.Runs)
        {
            string target = SweepExecutor.RunDirectory(output, run);
            if (SweepExecutor.IsFinished(target))
            {
                continue;
            }

            string? source = readable.Select(i => SweepExecutor.RunDirectory(i.Input, run)).FirstOrDefault(SweepExecutor.IsFinished);
            if (source is not null && !string.Equals(source, target, StringComparison.Ordinal))
            {
                RunLock.EnsureFree(target);
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                CopyDirectory(source, target);
            }
        }

        return (plan, SweepExecutor.Missing(plan, output), skipped);
    }

    /// <summary>
    /// Checks that <paramref name="output"/> may receive a merge: it is missing, empty (a <see cref="SweepLock.FileName"/>
    /// aside) or a sweep folder (it has <see cref="SweepManifest.FileName"/>: an earlier merge or a sweep). Any other
    /// folder holds someone else's files, among which the merge would write its runs and tables.
    /// </summary>
    /// <exception cref="ArgumentException">The folder holds other files (the message names it).</exception>
    public static void EnsureOutput(string output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(output);
        string full = Path.GetFullPath(output);
        if (!Directory.Exists(full) || File.Exists(Path.Combine(full, SweepManifest.FileName)))
        {
            return;
        }

        if (Directory.EnumerateFileSystemEntries(full).Any(e => Path.GetFileName(e) != SweepLock.FileName))
        {
            throw new ArgumentException(
                $"The merge output '{full}' is not empty and is not a sweep folder (it has no {SweepManifest.FileName}): give a new or empty folder, or an earlier merge's output.",
                nameof(output));
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
