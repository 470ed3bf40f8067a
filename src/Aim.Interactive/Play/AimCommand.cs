using System.Diagnostics;

namespace Aim.Interactive.Play;

/// <summary>Runs this repository's <c>aim</c> command line as a child process of a notebook or twin.</summary>
internal static class AimCommand
{
    private static readonly object s_gate = new();
    private static string? s_built;

    /// <summary>Starts <c>aim</c> with <paramref name="arguments"/>, output and errors redirected.</summary>
    /// <exception cref="InvalidOperationException">The repository's command line was not found or did not build.</exception>
    public static Process Start(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Build());
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    /// <summary>Asks the child to stop as Ctrl+C would (SIGTERM on Linux and macOS, where the command stops cleanly; killed elsewhere).</summary>
    public static void Interrupt(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            process.Kill();
            return;
        }

        using Process kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Builds src/Aim.Cli (Release) once per process and returns the path of aim.dll.</summary>
    private static string Build()
    {
        lock (s_gate)
        {
            if (s_built is not null)
            {
                return s_built;
            }

            string project = FindProject();
            var build = new ProcessStartInfo("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(build) ?? throw new InvalidOperationException("dotnet build did not start.");
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Building {project} failed: {output.Result} {errors}".Trim());
            }

            string dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", $"net{Environment.Version.Major}.0", "aim.dll");
            return s_built = File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} was not built.");
        }
    }

    /// <summary>src/Aim.Cli/Aim.Cli.csproj in the working directory or a folder above it.</summary>
    private static string FindProject()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            string project = Path.Combine(dir.FullName, "src", "Aim.Cli", "Aim.Cli.csproj");
            if (File.Exists(project))
            {
                return project;
            }
        }

        throw new InvalidOperationException($"aim play runs from this repository: src/Aim.Cli was not found in {Directory.GetCurrentDirectory()} or above it.");
    }
}
