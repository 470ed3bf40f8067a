using System.CommandLine;
using Aim.Cli.Terminal;
using Aim.Experiments.Sweeps;

namespace Aim.Cli.Commands;

/// <summary><c>aim sweep</c>: a grid from a JSON config, locally in parallel or one shard of it; resumes finished runs.</summary>
internal static class SweepCommand
{
    public static Command Create(CliContext context)
    {
        var config = new Option<string>("--config") { Description = "Sweep config (JSON), for example sweeps/delta.json.", Required = true };
        Option<string> output = CommonOptions.Out("sweeps", "in which the sweep folder {name}/ is created");
        Option<int> parallel = CommonOptions.Parallel();
        var shard = new Option<string>("--shard")
        {
            Description = "Run only shard i of N (i/N, 0-based; run k of the plan goes to shard k mod N), e.g. $SLURM_ARRAY_TASK_ID/$SHARDS (a fixed count, so a resubmitted task computes the same shard).",
            DefaultValueFactory = _ => "0/1",
        };
        var command = new Command("sweep", "Run a grid of options × seeds × methods × tasks from a JSON config; finished runs (summary.json present) are skipped, so an interrupted sweep resumes; a folder whose sweep.json records other runs or settings is refused.")
        {
            config, output, parallel, shard,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            ShardSpec spec = ShardSpec.Parse(parse.GetValue(shard)!);
            int workers = CommonOptions.CheckParallel(parse.GetValue(parallel));
            SweepPlan plan = SweepPlan.From(SweepConfig.Load(parse.GetValue(config)!));
            string directory = Path.Combine(OutputFolder.EnsureWritable(parse.GetValue(output)!), plan.Config.Name);
            return SweepSession.Execute(context, plan, directory, spec, workers, $"Sweep {plan.Config.Name}", $"aim sweep --config {parse.GetValue(config)}");
        }));
        return command;
    }
}
