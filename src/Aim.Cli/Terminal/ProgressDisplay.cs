using System.Collections.Concurrent;
using System.Globalization;
using Aim.Experiments.Sweeps;
using Aim.Learning.Training;
using Spectre.Console;

namespace Aim.Cli.Terminal;

/// <summary>
/// Shows the progress of runs: a Spectre.Console progress bar per run on a terminal (run i of N, env steps, expert
/// cost, current success), plain lines when output is redirected.
/// </summary>
internal static class ProgressDisplay
{
    /// <summary>Runs <paramref name="body"/>, giving it the sink its progress events go to.</summary>
    public static T Run<T>(CliContext context, Func<Action<SweepProgress>, T> body)
    {
        if (!context.Live)
        {
            var gate = new object();
            return body(p =>
            {
                string? line = PlainLine(p);
                if (line is not null)
                {
                    lock (gate)
                    {
                        context.Output.WriteLine(line);
                        context.Output.Flush();
                    }
                }
            });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var tasks = new ConcurrentDictionary<int, ProgressTask>();
                result = body(p =>
                {
                    double total = TotalSteps(p.Run);
                    ProgressTask task = tasks.GetOrAdd(p.Run.Index, _ => ctx.AddTask(Label(p, null), maxValue: total));
                    switch (p.State)
                    {
                        case RunState.Skipped:
                            task.Description = Label(p, "[grey]finished before[/]");
                            task.Value = total;
                            break;
                        case RunState.Resumed:
                            task.Description = Label(p, p.Error is null ? "[grey]resumed[/]" : "[yellow]" + Markup.Escape(p.Error) + "[/]");
                            break;
                        case RunState.Evaluated when p.Point is not null:
                            task.Value = Math.Min(total, p.Point.EnvSteps);
                            task.Description = Label(p, Markup.Escape(Numbers(p.Point)));
                            break;
                        case RunState.Finished:
                            task.Value = total;
                            task.StopTask();
                            break;
                        case RunState.Failed:
                            task.Description = Label(p, "[red]failed: " + Markup.Escape(p.Error ?? "?") + "[/]");
                            task.StopTask();
                            break;
                        case RunState.Damaged:
                            task.Description = Label(p, "[red]finished before, but damaged[/]");
                            task.StopTask();
                            break;
                    }
                });
            });
        return result;
    }

    /// <summary>One plain line per event (null for none).</summary>
    public static string? PlainLine(SweepProgress p) => p.State switch
    {
        RunState.Skipped => $"{Prefix(p)}  finished before, skipped",
        RunState.Started => $"{Prefix(p)}  started",
        RunState.Resumed => p.Error is null ? $"{Prefix(p)}  resumed from its last resume point" : $"{Prefix(p)}  {p.Error}",
        RunState.Evaluated when p.Point is not null => $"{Prefix(p)}  {Numbers(p.Point, TotalSteps(p.Run))}",
        RunState.Finished => $"{Prefix(p)}  done",
        RunState.Failed => $"{Prefix(p)}  FAILED: {p.Error}",
        RunState.Damaged => $"{Prefix(p)}  finished before, but DAMAGED: {p.Error}",
        _ => null,
    };

    private static string Prefix(SweepProgress p) => $"[{p.Position}/{p.Total}] {p.Run.Id}";

    private static string Label(SweepProgress p, string? status) =>
        $"[bold]{p.Position}/{p.Total}[/] {Markup.Escape(p.Run.Id)}" + (status is null ? string.Empty : "  " + status);

    private static string Numbers(EvaluationPoint point, double total = double.NaN) => string.Create(
        CultureInfo.InvariantCulture,
        $"env steps {point.EnvSteps:0}{(double.IsFinite(total) ? $"/{total:0}" : string.Empty)}, expert cost {point.ExpertCost:0}, success {point.Success:0.00}");

    private static readonly ConcurrentDictionary<SweepRun, double> s_totals = new();

    private static double TotalSteps(SweepRun run) => s_totals.GetOrAdd(run, r => r.ToSpec().Trainer.TotalEnvSteps);
}
