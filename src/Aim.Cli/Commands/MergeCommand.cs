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
        var output = new Option<string>("--out") { Description = "The merged sweep folder (created if missing).", Required = true };
        var command = new Command("merge", "Merge shard folders of one sweep: copy their finished runs into --out and write comparison.csv, runs.csv, metrics.csv and report.html.")
        {
            inputs, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            string directory = OutputFolder.EnsureWritable(parse.GetValue(output)!);
            (SweepPlan plan, IReadOnlyList<SweepRun> missing, IReadOnlyList<string> skippedInputs) = SweepMerge.Merge(parse.GetValue(inputs)!, directory);
            foreach (string reason in skippedInputs)
            {
                context.Error.WriteLine($"aim: input skipped: {reason}");
            }

            int damaged = SweepSession.WriteResults(context, directory, plan, $"Sweep {plan.Config.Name}");
            if (missing.Count > 0)
            {
                context.Error.WriteLine($"aim: {missing.Count} of {plan.Runs.Count} runs are missing (the tables cover the others): {string.Join(", ", missing.Take(5).Select(r => r.Id))}{(missing.Count > 5 ? ", …" : string.Empty)}");
            }

            return missing.Count > 0 || damaged > 0 || skippedInputs.Count > 0 ? CliContext.Incomplete : 0;
        }));
        return command;
    }
}
