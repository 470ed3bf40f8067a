using System.CommandLine;
using Aim.Cli.Commands;

namespace Aim.Cli;

/// <summary>The <c>aim</c> command line: <c>run</c>, <c>compare</c>, <c>sweep</c>, <c>merge</c>, <c>play</c>, <c>eval</c> and <c>course</c>.</summary>
public static class AimCommandLine
{
    /// <summary>The root command with every sub-command.</summary>
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("aim: robot-gated interactive imitation learning experiments (AIM, Thrifty-DAgger and baselines).");
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(SweepCommand.Create(context));
        root.Subcommands.Add(MergeCommand.Create(context));
        root.Subcommands.Add(PlayCommand.Create(context));
        root.Subcommands.Add(EvalCommand.Create(context));
        root.Subcommands.Add(CourseCommand.Create(context));
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>; returns the exit code (0 success, 1 failed or missing runs, 2 a command
    /// line that does not parse or a bad value such as an unknown method, task or option key, or an unwritable folder,
    /// each reported as one line on <paramref name="error"/>).
    /// </summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output (default the console's).</param>
    /// <param name="error">Standard error (default the console's).</param>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output ?? Console.Out, error ?? Console.Error, Live: output is null && !Console.IsOutputRedirected);
        RootCommand root = Build(context);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
        {
            // One line and exit 2, like every other bad value, instead of the help text and exit 1.
            context.Error.WriteLine("aim: error: " + ParseErrorLine.Describe(parse));
            return CliContext.BadValue;
        }

        return parse.Invoke(new InvocationConfiguration { Output = context.Output, Error = context.Error });
    }
}
