using System.CommandLine;
using System.Runtime.InteropServices;
using Aim.Experiments.Catalog;
using Aim.Play;

namespace Aim.Cli.Commands;

/// <summary>
/// <c>aim play</c>: a person plays the expert in the browser. Starts a local web page, prints its address and runs the
/// session until its budget is spent, the page's Stop button is pressed or Ctrl+C; the run directory is written either way.
/// </summary>
internal static class PlayCommand
{
    public static Command Create(CliContext context)
    {
        var task = new Option<string>("--task")
        {
            Description = $"Task name (a grid task, or driving / driving-toy). Known tasks: {string.Join(", ", TaskCatalog.Names)}.",
            DefaultValueFactory = _ => "lavacrossing-s9n1",
        };
        var method = new Option<string>("--method")
        {
            Description = "Method whose expert you are: robot-gated (aim, thrifty, thrifty-nocritic, ensemble-dagger: the robot asks you) or human-gated (hg-dagger, pvp: you take over with I).",
            DefaultValueFactory = _ => "aim",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the run (layouts, networks).", DefaultValueFactory = _ => 0 };
        var port = new Option<int>("--port") { Description = "Port of the page (0 picks a free one).", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on. The default, 127.0.0.1, lets only this machine open the page; 0.0.0.0 opens it to the network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var delay = new Option<int?>("--delay")
        {
            Description = "Milliseconds the page waits before each robot step, so you can follow it (default 300 on the grid, 100 when driving; changeable on the page).",
        };
        var standIn = new Option<bool>("--stand-in")
        {
            Description = "Nobody at the keyboard: the grid planner presses the keys through the page (unattended demonstrations, CI). The run is marked expert: planner-stand-in. Grid tasks only.",
        };
        Option<string[]> set = CommonOptions.Set();
        Option<int?> steps = CommonOptions.Steps();
        Option<string> output = CommonOptions.Out("runs", "in which the run directory {task}__{method}__human__s{seed}__{time}/ is created");
        var command = new Command(
            "play",
            "Be the expert yourself: a local web page shows the task, the robot's proposed action and the gate's score against its threshold "
            + "(AIM: Q^I(s, a_r) against β); when the robot asks for help you act with the keyboard. Budgets are short by default "
            + "(grid: 600 steps with 60 of warm-up; driving: 1,500 with 150). The session writes an ordinary run directory marked "
            + "expert: human, which aim compare/merge and the report show beside simulated-expert runs.")
        {
            task, method, seed, port, host, delay, standIn, set, steps, output,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            int? delayMs = parse.GetValue(delay);
            if (delayMs is int ms && (ms < 0 || ms > PlayOptions.MaxStepDelay.TotalMilliseconds))
            {
                throw new ArgumentException($"--delay {ms} is out of range; expected 0 to {PlayOptions.MaxStepDelay.TotalMilliseconds} ms.");
            }

            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach ((string key, string value) in CommonOptions.Settings(parse.GetValue(set), parse.GetValue(steps)))
            {
                settings[key] = value;
            }

            var options = new PlayOptions
            {
                Task = parse.GetValue(task)!,
                Method = parse.GetValue(method)!,
                Seed = parse.GetValue(seed),
                Settings = settings,
                OutputRoot = parse.GetValue(output)!,
                StepDelay = delayMs is int d ? TimeSpan.FromMilliseconds(d) : null,
                PlannerStandsIn = parse.GetValue(standIn),
            };
            return Play(context, options, parse.GetValue(host)!, parse.GetValue(port));
        }));
        return command;
    }

    private static int Play(CliContext context, PlayOptions options, string host, int port)
    {
        PlayServer.CheckEndpoint(host, port);
        using PlaySession session = PlaySession.Create(options);
        PlayServer server;
        try
        {
            server = PlayServer.StartAsync(session, host, port).GetAwaiter().GetResult();
        }
        catch
        {
            // Refused before anything ran (the port is taken): no run directory is left behind.
            session.Dispose();
            Directory.Delete(session.RunDirectory, recursive: true);
            throw;
        }

        // Ctrl+C (SIGINT) or SIGTERM stop the session cleanly (evaluation, checkpoint, summary); the process exits after.
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            session.Stop();
        }

        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        context.Output.WriteLine(options.PlannerStandsIn
            ? $"{options.Method} on {options.Task}, seed {options.Seed}: the planner stands in for the expert."
            : $"{options.Method} on {options.Task}, seed {options.Seed}: you are the expert.");
        context.Output.WriteLine($"Open {server.Address} in a browser. Stop with the page's Stop button or Ctrl+C; the run so far is kept.");
        context.Output.WriteLine($"Run directory: {session.RunDirectory}");
        context.Output.Flush();
        if (!System.Net.IPAddress.TryParse(host, out var ip) || !System.Net.IPAddress.IsLoopback(ip))
        {
            context.Output.WriteLine($"Listening on {host}: other machines on the network can open the page too.");
        }

        session.Completion.GetAwaiter().GetResult();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();

        context.Output.WriteLine(session.WasStopped ? "Stopped; what was played is kept." : "Finished.");
        if (session.Trainer.History.Count > 0)
        {
            context.Output.WriteLine($"Final: {session.Trainer.History[^1]}; expert cost {session.Trainer.ExpertCost}.");
        }

        context.Output.WriteLine($"Written: {session.RunDirectory}");
        context.Output.WriteLine($"Dataset (Minari): {Path.Combine(session.RunDirectory, "dataset")}");
        if (session.Failure is not null)
        {
            context.Error.WriteLine("aim: error: the session failed: " + session.Failure.Message);
            return CliContext.Incomplete;
        }

        return 0;
    }
}
