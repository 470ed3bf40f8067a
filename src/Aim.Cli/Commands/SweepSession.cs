using Aim.Cli.Execution;
using Aim.Cli.Terminal;
using Aim.Experiments.Results;
using Aim.Experiments.Sweeps;
using Spectre.Console;

namespace Aim.Cli.Commands;

/// <summary>What compare, sweep and merge share: execute a plan with progress, then write and print the results.</summary>
internal static class SweepSession
{
    /// <summary>Runs the shard's runs of <paramref name="plan"/> into <paramref name="directory"/>; writes the tables when the sweep is complete.</summary>
    public static int Execute(CliContext context, SweepPlan plan, string directory, ShardSpec shard, int parallel, string title, string? command = null)
    {
        ChildProcessLauncher? children = parallel > 1 ? ChildProcessLauncher.ForThisProgram() : null;
        if (parallel > 1 && children is null)
        {
            // Not the aim program (a test host): in-process runs share torch's generator, so they go one at a time.
            context.Output.WriteLine($"--parallel {parallel}: this process cannot start itself again, so the runs go one at a time (runs in one process would share torch's random generator and not reproduce).");
            parallel = 1;
        }

        IRunLauncher launcher = children ?? (IRunLauncher)new InProcessLauncher();
        int count = plan.Shard(shard).Count;
        context.Output.WriteLine($"{count} run(s){(shard.Count > 1 ? $" of {plan.Runs.Count} (shard {shard})" : string.Empty)} into {directory}, {parallel} at a time.");

        // The folder stays locked until the tables are written, so no other command changes the runs underneath them.
        using SweepLock hold = SweepLock.Acquire(directory);
        SweepOutcome outcome = ProgressDisplay.Run(context, sink => SweepExecutor.Execute(plan, directory, shard, parallel, launcher, sink, held: hold));
        foreach ((SweepRun run, string error) in outcome.Failed)
        {
            context.Error.WriteLine($"aim: run {run.Id} failed: {error}");
        }

        // A damaged run keeps its summary.json, so every later sweep would skip it again: say how to get it rerun.
        foreach ((SweepRun run, string reason) in outcome.Damaged)
        {
            context.Error.WriteLine(
                $"aim: run {run.Id} finished before but is damaged, so it is left out of the tables: {reason.TrimEnd('.')}. It is not rerun while its summary.json is there: delete {SweepExecutor.RunDirectory(directory, run)} and run the command again to rerun it.");
        }

        if (!outcome.Complete)
        {
            int missing = SweepExecutor.Missing(plan, directory).Count;
            context.Output.WriteLine($"This shard is done ({outcome.Ran} ran, {outcome.Skipped} finished before); {missing} run(s) of the sweep are not in {directory}.");
            context.Output.WriteLine("When every shard has finished: aim merge --inputs <shard folders…> --out <folder>");
            return outcome.Failed.Count > 0 || outcome.Damaged.Count > 0 ? CliContext.Incomplete : 0;
        }

        var reported = outcome.Damaged.Select(d => SweepExecutor.RunDirectory(directory, d.Run)).ToHashSet(StringComparer.Ordinal);
        int skipped = WriteResults(context, directory, plan, title, command, reported: reported);
        return outcome.Failed.Count > 0 || outcome.Damaged.Count > 0 || skipped > 0 ? CliContext.Incomplete : 0;
    }

    /// <summary>
    /// Writes the tables and the report, prints the comparison table and where the report is, and lists on standard
    /// error the runs left out of the tables (unfinished or damaged) but for those in <paramref name="reported"/>.
    /// </summary>
    /// <returns>The number of runs left out.</returns>
    public static int WriteResults(
        CliContext context, string directory, SweepPlan plan, string title, string? command = null, string? notes = null, IReadOnlySet<string>? reported = null)
    {
        SweepOutputs outputs = SweepOutputs.Write(directory, plan, title, command, notes);
        foreach (SkippedRun skipped in outputs.Skipped.Where(s => reported?.Contains(s.Directory) != true))
        {
            context.Error.WriteLine($"aim: run left out of the tables: {skipped}");
        }

        if (outputs.NumericWarning is string numericWarning)
        {
            context.Error.WriteLine($"aim: warning: {numericWarning}");
        }

        PrintTable(context, outputs.Table);
        context.Output.WriteLine($"Tables: {outputs.Comparison}, {Path.GetFileName(outputs.Runs)}, {Path.GetFileName(outputs.Metrics)}"
            + string.Concat(outputs.Ablations.Select(a => ", " + Path.GetFileName(a))));
        context.Output.WriteLine($"Report: {outputs.Report}");
        if (plan.Config.Publish is string published)
        {
            context.Output.WriteLine($"Published tables: {Path.GetFullPath(published)}");
        }

        return outputs.Skipped.Count;
    }

    private static void PrintTable(CliContext context, ComparisonTable table)
    {
        if (!context.Live)
        {
            context.Output.Write(table.ToText());
            return;
        }

        var grid = new Table().Border(TableBorder.Rounded);
        foreach (string header in table.DisplayHeader)
        {
            grid.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (string[] row in table.ToCells())
        {
            grid.AddRow(row.Select(Markup.Escape).ToArray());
        }

        AnsiConsole.Write(grid);
    }
}
