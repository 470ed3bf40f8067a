using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using Aim.Experiments.Sweeps;
using Aim.Learning.Training;

namespace Aim.Cli.Execution;

/// <summary>
/// Runs each run of a sweep as a child <c>aim run … --run-dir DIR --child</c> process (its own torch runtime, one thread,
/// its own global generator, so parallel runs stay reproducible); evaluations come back as <c>@eval {json}</c> lines.
/// A child ends when this process ends, however it ends (<see cref="ParentWatch"/>), so a killed sweep leaves no run
/// writing behind it.
/// </summary>
internal sealed class ChildProcessLauncher : IRunLauncher
{
    /// <summary>The line prefix of an evaluation printed by a child.</summary>
    public const string EvalPrefix = "@eval ";

    /// <summary>JSON of the @eval lines (NaN allowed).</summary>
    public static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly string _executable;
    private readonly string[] _prefixArguments;

    private ChildProcessLauncher(string executable, string[] prefixArguments)
    {
        _executable = executable;
        _prefixArguments = prefixArguments;
    }

    /// <summary>A launcher that starts this program again, or null when this process is not the <c>aim</c> program (a test host).</summary>
    public static ChildProcessLauncher? ForThisProgram()
    {
        Assembly? entry = Assembly.GetEntryAssembly();
        string? process = Environment.ProcessPath;
        if (entry?.GetName().Name != "aim" || process is null)
        {
            return null;
        }

        return Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? new ChildProcessLauncher(process, [entry.Location])
            : new ChildProcessLauncher(process, []);
    }

    /// <inheritdoc />
    public void Launch(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation) =>
        Start(run, Arguments(run, directory), progress, cancellation);

    /// <inheritdoc />
    public void Resume(SweepRun run, string directory, Action<EvaluationPoint> progress, CancellationToken cancellation) =>
        Start(run, ["run", "--resume", directory, "--child"], progress, cancellation);

    private void Start(SweepRun run, IEnumerable<string> arguments, Action<EvaluationPoint> progress, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(_executable)
        {
            // Never written: the child watches it and ends when this process dies and the system closes it (ParentWatch).
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[ParentWatch.ParentVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string argument in _prefixArguments.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // This thread starts the child and waits for it: on Linux the child dies when the thread that started it ends
        // (PR_SET_PDEATHSIG, see ParentWatch), so the wait must not move to another thread.
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {_executable}.");
        var errors = new List<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null && !IsNoise(e.Data))
            {
                lock (errors)
                {
                    errors.Add(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        using CancellationTokenRegistration kill = cancellation.Register(() => process.Kill(entireProcessTree: true));
        while (process.StandardOutput.ReadLine() is string line)
        {
            if (line.StartsWith(EvalPrefix, StringComparison.Ordinal))
            {
                var metrics = JsonSerializer.Deserialize<Dictionary<string, double>>(line[EvalPrefix.Length..], Json) ?? [];
                progress(new EvaluationPoint(metrics));
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string message;
            lock (errors)
            {
                message = FailureMessage(errors);
            }

            throw new InvalidOperationException($"run {run.Id} exited with code {process.ExitCode}: {message}");
        }
    }

    /// <summary>
    /// True for a line of a child's standard error that says nothing about the run: libtorch's NNPACK warning, logged at
    /// every convolution on CPUs NNPACK does not support (TorchRuntime turns NNPACK off there, but a child may print it
    /// once). Left in, it would also become the "error" of a failed run, being the first line.
    /// </summary>
    internal static bool IsNoise(string line) => line.Contains("Could not initialize NNPACK!", StringComparison.Ordinal);

    /// <summary>The line of a failed child's standard error that names the error.</summary>
    internal static string FailureMessage(IEnumerable<string> errors)
    {
        string[] lines = errors.Where(e => e.Trim().Length > 0 && !IsNoise(e)).ToArray();

        // The first line that is not a stack frame names the error; the last line is usually a frame.
        string? message = lines.FirstOrDefault(e => !e.TrimStart().StartsWith("at ", StringComparison.Ordinal)) ?? lines.LastOrDefault();
        return message?.Trim() ?? "no message";
    }

    /// <summary>The arguments of the child's <c>aim run</c> command.</summary>
    public static IEnumerable<string> Arguments(SweepRun run, string directory)
    {
        yield return "run";
        yield return "--task";
        yield return run.Task;
        yield return "--method";
        yield return run.Method;
        yield return "--seed";
        yield return run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (string setting in run.SettingStrings)
        {
            yield return "--set";
            yield return setting;
        }

        yield return "--run-dir";
        yield return directory;
        yield return "--child";
    }
}
