namespace Aim.Experiments.Sweeps;

/// <summary>
/// Joins the folders of a sweep's shards (each written by <c>aim sweep --shard i/N</c>) into one folder with the same
/// runs, tables and report as an unsharded run of the sweep.
/// </summary>
public static class SweepMerge
{
    /// <summary>Copies every finished run of <paramref name="inputs"/> into <paramref name="output"/> and writes the manifest.</summary>
    /// <returns>The plan and the runs of it that no input had finished.</returns>
    /// <exception cref="ArgumentException">No inputs, an input that is not a sweep folder, or inputs of different sweeps.</exception>
    public static (SweepPlan Plan, IReadOnlyList<SweepRun> Missing) Merge(IReadOnlyList<string> inputs, string output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("Nothing to merge: give the shard folders with --inputs.", nameof(inputs));
        }

        SweepPlan plan = SweepManifest.Read(inputs[0]);
        string manifest = SweepManifest.ToJson(plan);
        foreach (string input in inputs.Skip(1))
        {
            if (SweepManifest.ToJson(SweepManifest.Read(input)) != manifest)
            {
                throw new ArgumentException($"'{Path.GetFullPath(input)}' holds another sweep than '{Path.GetFullPath(inputs[0])}'.", nameof(inputs));
            }
        }

        using SweepLock hold = SweepLock.Acquire(output);
        SweepManifest.Write(output, plan);
        foreach (SweepRun run in plan.Runs)
        {
            string target = SweepExecutor.RunDirectory(output, run);
            if (SweepExecutor.IsFinished(target))
            {
                continue;
            }

            string? source = inputs.Select(i => SweepExecutor.RunDirectory(i, run)).FirstOrDefault(SweepExecutor.IsFinished);
            if (source is not null && !string.Equals(source, target, StringComparison.Ordinal))
            {
                if (Directory.Exists(target))
                {
                    Directory.Delete(target, recursive: true);
                }

                CopyDirectory(source, target);
            }
        }

        return (plan, SweepExecutor.Missing(plan, output));
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
