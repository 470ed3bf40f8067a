using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Torch;

namespace Aim.Course;

/// <summary>
/// <c>aim course check [DIR]</c>: builds the student project, runs the public tests against it, then the seeded AIM
/// run with the student's gate, and prints the scorecard.
/// </summary>
public static class CourseCheck
{
    /// <summary>Checks the project in <paramref name="directory"/> and writes the scorecard to <paramref name="output"/>.</summary>
    /// <returns>Every line of the scorecard; all passed when each <see cref="ExerciseResult.Passed"/>.</returns>
    /// <exception cref="ArgumentException">The folder holds no course project.</exception>
    /// <exception cref="StudentBuildException">The project does not build; the message holds the compiler's errors.</exception>
    public static IReadOnlyList<ExerciseResult> Run(string directory, TextWriter output)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(output);
        string folder = Path.GetFullPath(directory);
        string project = Path.Combine(folder, StudentProject.AssemblyName + ".csproj");
        if (!File.Exists(project))
        {
            throw new ArgumentException($"'{folder}' holds no course project ({StudentProject.AssemblyName}.csproj); create one with: aim course new DIR");
        }

        output.WriteLine($"Building {project} …");
        string assembly = StudentProject.Build(folder);
        TorchRuntime.Initialize(threads: 1);
        StudentCode student = StudentCode.Load(assembly);
        var results = PublicChecks.Run(student).ToList();
        foreach (ExerciseResult result in results)
        {
            Write(output, result);
        }

        string[] needed = ["beta", "gate"];
        string[] missing = needed.Where(id => !results.Single(r => r.Id == id).Passed).ToArray();
        ExerciseResult run;
        if (missing.Length > 0)
        {
            run = new ExerciseResult("aim-run", $"seeded AIM run with your gate ({GateRun.Task})", Passed: false,
                $"not run: it trains with your gate, so exercises {string.Join(" and ", missing)} must pass first");
        }
        else
        {
            output.WriteLine($"Training AIM on {GateRun.Task} (seed {GateRun.Seed}) with your gate …");
            var rule = new AimGateRule(
                student.Method<Func<double, double, bool>>("AimGate", "AsksForHelp"),
                student.Method<Func<double, double, bool>>("AimGate", "HandsBack"),
                student.Method<Func<IReadOnlyCollection<double>, double, double>>("AimGate", "BetaOf"));
            double success = GateRun.Train(rule);
            output.WriteLine("Training the same run with the library's gate, for comparison …");
            run = GateRun.Result(success, GateRun.Train(AimGateRule.Library));
        }

        Write(output, run);
        results.Add(run);
        output.WriteLine();
        output.WriteLine($"Score: {results.Count(r => r.Passed)} of {results.Count} passed.");
        return results;
    }

    private static void Write(TextWriter output, ExerciseResult result) =>
        output.WriteLine($"  {(result.Passed ? "PASS" : "FAIL")}  {result.Id,-19} {result.Title}: {result.Detail}");
}
