using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Play;

namespace Aim.Interactive.Play;

/// <summary>
/// A play session started from a notebook cell: <c>aim play</c> runs as a child process (its page needs ASP.NET Core,
/// which a notebook kernel does not load), the cell shows the link and the notebook goes on. <see cref="Finish"/> (a
/// later cell) stops the session if it still runs, keeps what was played and loads the run.
/// </summary>
public sealed partial class PlayLink
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _errors;

    private PlayLink(Process process, Uri address, string runDirectory, RunSpec spec, Task<string> output, Task<string> errors)
    {
        _process = process;
        _output = output;
        _errors = errors;
        Address = address;
        RunDirectory = runDirectory;
        Spec = spec;
    }

    /// <summary>The page's address on this machine.</summary>
    public Uri Address { get; }

    /// <summary>The session's run directory.</summary>
    public string RunDirectory { get; }

    /// <summary>The run the session plays (task, method, seed, the play defaults and the given settings).</summary>
    public RunSpec Spec { get; }

    /// <summary>True once the session has ended (budget spent, stopped from the page, or <see cref="Finish"/>).</summary>
    public bool HasEnded => _process.HasExited;

    /// <summary>
    /// Starts <c>aim play</c> on 127.0.0.1 (a free port) from this repository's command line (built first when needed)
    /// and returns when the page is up. Budgets are the play defaults (<see cref="PlayDefaults"/>) with
    /// <paramref name="settings"/> over them.
    /// </summary>
    /// <param name="task">Task name (default the lava crossing).</param>
    /// <param name="method">Method name (default AIM).</param>
    /// <param name="seed">Seed of the run.</param>
    /// <param name="outputRoot">Folder of the run directory (default runs/ under the working directory).</param>
    /// <param name="settings">Harness and method settings, <c>key=value</c> as on the command line.</param>
    /// <param name="stepDelay">Pause before each robot step (null: the page's default).</param>
    /// <param name="plannerStandsIn">Nobody at the keyboard: the grid planner presses the keys (unattended runs).</param>
    /// <exception cref="ArgumentException">A bad task, method or setting (checked before anything starts).</exception>
    /// <exception cref="InvalidOperationException">The command line could not be built or did not start the page.</exception>
    public static PlayLink Start(
        string task = "lavacrossing-s9n1",
        string method = "aim",
        int seed = 0,
        string outputRoot = "runs",
        IReadOnlyDictionary<string, string>? settings = null,
        TimeSpan? stepDelay = null,
        bool plannerStandsIn = false)
    {
        settings ??= new Dictionary<string, string>();
        RunSpec spec = RunSettings.Build(task, method, seed, PlayDefaults.Merge(task, settings));
        var arguments = new List<string> { "play", "--task", task, "--method", method, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "--port", "0", "--out", Path.GetFullPath(outputRoot) };
        foreach ((string key, string value) in settings)
        {
            arguments.AddRange(["--set", $"{key}={value}"]);
        }

        if (stepDelay is TimeSpan delay)
        {
            arguments.AddRange(["--delay", ((int)delay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (plannerStandsIn)
        {
            arguments.Add("--stand-in");
        }

        Process process = AimCommand.Start(arguments);
        var lines = new List<string>();
        Uri? address = null;
        string? runDirectory = null;
        var clock = Stopwatch.StartNew();
        while (address is null || runDirectory is null)
        {
            string? line = process.StandardOutput.ReadLine();
            if (line is null || clock.Elapsed > s_startTimeout)
            {
                process.WaitForExit(TimeSpan.FromSeconds(5));
                string error = process.StandardError.ReadToEnd();
                throw new InvalidOperationException($"aim play did not start the page: {string.Join(" ", lines)} {error}".Trim());
            }

            lines.Add(line);
            if (AddressLine().Match(line) is { Success: true } a)
            {
                address = new Uri(a.Groups[1].Value);
            }
            else if (line.StartsWith("Run directory: ", StringComparison.Ordinal))
            {
                runDirectory = line["Run directory: ".Length..];
            }
        }

        // The rest of the output (the final lines) and the errors are drained so the child never blocks on a full pipe.
        return new PlayLink(process, address, runDirectory, spec, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    /// <summary>Blocks until the session ends by itself (its budget spent, or stopped from the page).</summary>
    public void WaitUntilEnded() => _process.WaitForExit();

    /// <summary>
    /// Stops the session if it still runs (like Ctrl+C: it evaluates, saves and writes its summary; what was played is
    /// kept), waits for it, and loads the run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The session failed, or stopped before its first evaluation (during warm-up).</exception>
    public RunRecord Finish()
    {
        if (!_process.HasExited)
        {
            AimCommand.Interrupt(_process);
        }

        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new InvalidOperationException($"aim play ended with exit code {_process.ExitCode}: {_output.Result.Trim()} {_errors.Result.Trim()}");
        }

        if (!File.Exists(Path.Combine(RunDirectory, "summary.json")))
        {
            throw new InvalidOperationException($"The session stopped before its first evaluation (during warm-up); {RunDirectory} holds the steps played.");
        }

        return RunLoader.Load(RunDirectory);
    }

    /// <summary>A link to the page.</summary>
    public string ToHtml() =>
        $"<p><a href=\"{WebUtility.HtmlEncode(Address.ToString())}\" target=\"_blank\" rel=\"noopener\">Open the play page: {WebUtility.HtmlEncode(Address.ToString())}</a> "
        + $"({WebUtility.HtmlEncode(Spec.Method)} on {WebUtility.HtmlEncode(Spec.Task)}; the run goes to {WebUtility.HtmlEncode(RunDirectory)})</p>";

    /// <inheritdoc />
    public override string ToString() => $"Play page: {Address} ({Spec.Method} on {Spec.Task}; run directory {RunDirectory})";

    [GeneratedRegex(@"^Open (http://\S+) in a browser")]
    private static partial Regex AddressLine();
}
