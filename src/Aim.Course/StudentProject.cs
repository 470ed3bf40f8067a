using System.Diagnostics;

namespace Aim.Course;

/// <summary>
/// The student project that <c>aim course new DIR</c> writes: a class library (<see cref="AssemblyName"/>) that
/// references the library of this repository and holds one file per exercise under <c>Exercises/</c>.
/// </summary>
public static class StudentProject
{
    /// <summary>The project's assembly name, and the name of its project file.</summary>
    public const string AssemblyName = "AimCourse";

    /// <summary>Writes the project into <paramref name="directory"/> (created if needed).</summary>
    /// <param name="directory">The project's folder; it must not hold a project already.</param>
    /// <param name="repositoryRoot">The repository whose library the project references (its <c>src/Aim.Learning</c>).</param>
    /// <param name="solved">Write the library's code instead of stubs: the solution key, for instructors and tests.</param>
    /// <returns>The files written, full paths.</returns>
    /// <exception cref="ArgumentException">The folder already holds a project, or the repository has no
    /// <c>src/Aim.Learning</c>.</exception>
    public static IReadOnlyList<string> Write(string directory, string repositoryRoot, bool solved = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(repositoryRoot);
        string folder = Path.GetFullPath(directory);
        string project = Path.Combine(folder, AssemblyName + ".csproj");
        if (File.Exists(project))
        {
            throw new ArgumentException($"'{folder}' already holds a course project ({AssemblyName}.csproj); give a new folder.");
        }

        string library = Path.Combine(Path.GetFullPath(repositoryRoot), "src", "Aim.Learning", "Aim.Learning.csproj");
        if (!File.Exists(library))
        {
            throw new ArgumentException($"'{repositoryRoot}' has no src/Aim.Learning/Aim.Learning.csproj; the course project references the library of a clone of this repository.");
        }

        var files = new Dictionary<string, string>
        {
            [project] = ProjectFile(library),
            // Stops MSBuild from taking settings of a repository the folder may sit in.
            [Path.Combine(folder, "Directory.Build.props")] = "<Project />\n",
            [Path.Combine(folder, "README.md")] = Readme(),
        };
        foreach (CourseExercise exercise in CourseExercises.All)
        {
            files[Path.Combine(folder, exercise.StudentFile)] = StubWriter.Write(exercise, solved);
        }

        foreach ((string path, string text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }

        return files.Keys.ToArray();
    }

    /// <summary>Builds the project in <paramref name="directory"/> (<c>dotnet build</c>, Debug).</summary>
    /// <returns>The built assembly, <c>bin/Debug/net10.0/AimCourse.dll</c> under the folder.</returns>
    /// <exception cref="StudentBuildException">The project does not build; the message holds the compiler's errors.</exception>
    public static string Build(string directory)
    {
        string folder = Path.GetFullPath(directory);
        string project = Path.Combine(folder, AssemblyName + ".csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[] { "build", project, "-c", "Debug", "--nologo", "-v", "q", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        Task<string> error = process.StandardError.ReadToEndAsync();
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            string errors = string.Join('\n', (text + error.Result).Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Distinct().Take(20));
            throw new StudentBuildException($"{project} does not build (dotnet build exited with {process.ExitCode}):\n{errors}");
        }

        return Path.Combine(folder, "bin", "Debug", "net10.0", AssemblyName + ".dll");
    }

    private static string ProjectFile(string library) =>
        $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!-- The AIM course: your code for each exercise in Exercises/. Check it with: aim course check -->
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <AssemblyName>{AssemblyName}</AssemblyName>
            <RootNamespace>{StubWriter.StudentNamespace}</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <!-- The library (TorchSharp, Quantiles, the action specs); aim course check loads your code beside its own copy. -->
            <ProjectReference Include="{library}" Private="false" />
          </ItemGroup>
        </Project>

        """;

    private static string Readme()
    {
        var text = new System.Text.StringBuilder();
        text.Append("# AIM course: exercises\n\n");
        text.Append("Each file under `Exercises/` holds methods of the library with their bodies taken out. Write them again,\n");
        text.Append("then run `aim course check` in this folder (or `aim course check DIR`): it builds the project, runs the public\n");
        text.Append("tests against your code and prints a scorecard, ending with a short seeded AIM run that uses your gate.\n\n");
        text.Append("| Exercise | File | What you write |\n|---|---|---|\n");
        foreach (CourseExercise exercise in CourseExercises.All)
        {
            text.Append($"| `{exercise.Id}` | `{exercise.StudentFile}` | {exercise.Title} |\n");
        }

        return text.ToString();
    }
}
