using System.CommandLine;
using Aim.Cli.Terminal;
using Aim.Experiments.Sweeps;

namespace Aim.Cli.Commands;

/// <summary><c>aim merge</c>: joins the folders of a sweep's shards into one with the tables of an unsharded run.</summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var inputs = new Option<string[]>("--inputs")
        {
            Description = "The shards' sweep folders (each holding sweep.json and runs/).",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var output = new Option<string>("--out") { Description = "The merged sweep folder: new, empty, or an earlier merge's output (created if missing).", Required = true };
        var publish = new Option<string?>("--publish")
        {
            Description = "Also write the small tables (comparison.csv, runs.csv, curves.csv, README.md with the sweep's command and any missing runs) into this folder, e.g. data/results/delta; overrides the config's own publish folder.",
        };
        var command = new Command("merge", "Merge shard folders of one sweep: copy their finished runs into --out and write comparison.csv, runs.csv, metrics.csv and report.html.")
        {
            inputs, output, publish,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            string target = parse.GetValue(output)!;

            // Before anything is created in it: a refused folder is left exactly as it was.
            SweepMerge.EnsureOutput(target);
            bool existed = Directory.Exists(target);
            string directory = OutputFolder.EnsureWritable(target);

            // The output stays locked until its tables are written, so no other command changes the runs underneath them.
            using SweepLock hold = SweepLock.Acquire(directory);
            SweepPlan plan;
            IReadOnlyList<SweepRun> missing;
            IReadOnlyList<string> skippedInputs;
            try
            {
                (plan, missing, skippedInputs) = SweepMerge.Merge(parse.GetValue(inputs)!, directory, hold);
            }
            catch when (!existed)
            {
                // A refused merge leaves no folder it created behind.
                hold.Dispose();
                Directory.Delete(directory, recursive: true);
                throw;
            }

            foreach (string reason in skippedInputs)
            {
                context.Error.WriteLine($"aim: input skipped: {reason}");
            }

            if (parse.GetValue(publish) is string published)
            {
                plan = SweepPlan.From(plan.Config with { Publish = published });
            }

            int damaged = SweepSession.WriteResults(context, directory, plan, $"Sweep {plan.Config.Name}", notes: MissingNote(missing, plan));
            if (missing.Count > 0)
            {
                context.Error.WriteLine($"aim: {missing.Count} of {plan.Runs.Count} runs are missing (the tables cover the others): {string.Join(", ", missing.Take(5).Select(r => r.Id))}{(missing.Count > 5 ? ", …" : string.Empty)}");
            }

            return missing.Count > 0 || damaged > 0 || skippedInputs.Count > 0 ? CliContext.Incomplete : 0;
        }));
        return command;
    }

    /// <summary>What published tables must say when runs of the sweep are missing from them (null when none is).</summary>
    private static string? MissingNote(IReadOnlyList<SweepRun> missing, SweepPlan plan) => missing.Count == 0
        ? null
        : $"{missing.Count} of the {plan.Runs.Count} runs this config plans are not in these tables (not finished): {string.Join(", ", missing.Select(r => r.Id))}.";
}
