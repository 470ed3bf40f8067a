using System.CommandLine;
using Aim.Course;

namespace Aim.Cli.Commands;

/// <summary>
/// <c>aim course new DIR</c> writes a student project with the course's exercises; <c>aim course check [DIR]</c>
/// grades it (public tests, then a seeded AIM run with the student's gate). docs/teaching.md explains the course.
/// </summary>
internal static class CourseCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("course", "Teach AIM: a student project with exercises cut from the library, and its scorecard (docs/teaching.md).");
        command.Subcommands.Add(New(context));
        command.Subcommands.Add(Check(context));
        return command;
    }

    private static Command New(CliContext context)
    {
        var directory = new Argument<string>("dir") { Description = "The folder of the new student project (created; must not hold one already)." };
        var solved = new Option<bool>("--solved") { Description = "Write the library's code instead of stubs: the instructors' solution key." };
        var command = new Command("new", $"Write a student project that compiles, one file per exercise: {string.Join(", ", CourseExercises.All.Select(e => e.Id))}.")
        {
            directory, solved,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            string folder = Path.GetFullPath(parse.GetValue(directory)!);
            IReadOnlyList<string> files = StudentProject.Write(folder, RepositoryRootOfThisBuild(), parse.GetValue(solved));
            context.Output.WriteLine($"Wrote the course project in {folder}:");
            foreach (string file in files)
            {
                context.Output.WriteLine("  " + Path.GetRelativePath(folder, file));
            }

            context.Output.WriteLine($"Fill in the TODOs under Exercises/, then run: aim course check {folder}");
            return 0;
        }));
        return command;
    }

    private static Command Check(CliContext context)
    {
        var directory = new Argument<string>("dir") { Description = "The student project's folder (default: the current folder).", DefaultValueFactory = _ => "." };
        var command = new Command("check", "Build the student project, run the public tests and a seeded AIM run with the student's gate; print the scorecard. Exit 0 when everything passes, 1 otherwise.")
        {
            directory,
        };
        command.SetAction(parse => context.Guard(() =>
        {
            try
            {
                IReadOnlyList<ExerciseResult> results = CourseCheck.Run(parse.GetValue(directory)!, context.Output);
                return results.All(r => r.Passed) ? 0 : CliContext.Incomplete;
            }
            catch (StudentBuildException e)
            {
                context.Output.WriteLine(e.Message);
                context.Output.WriteLine("Score: 0: the project must compile before any exercise is tested.");
                return CliContext.Incomplete;
            }
        }));
        return command;
    }

    // The clone this aim was built from: the student project references its library.
    private static string RepositoryRootOfThisBuild() =>
        Aim.Course.RepositoryRoot.Above(AppContext.BaseDirectory)
        ?? Aim.Course.RepositoryRoot.Above(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("aim course new needs the repository's sources (Aim.Notebooks.sln above aim or the current folder): run it from a clone.");
}
