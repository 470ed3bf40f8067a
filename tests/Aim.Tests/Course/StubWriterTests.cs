using System.Text.RegularExpressions;
using Aim.Course;

namespace Aim.Tests.Course;

public class StubWriterTests
{
    private static readonly string s_root = RepositoryRoot();

    public static TheoryData<string> Exercises() => new(CourseExercises.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Exercises))]
    public void AStubNamesItsExerciseAndHoldsNoSolution(string id)
    {
        CourseExercise exercise = CourseExercises.Get(id);
        string stub = StubWriter.Write(exercise);
        string solved = StubWriter.Write(exercise, solved: true);

        Assert.Contains($"throw new NotImplementedException(\"Exercise {id} is not done yet: write it in {exercise.StudentFile}.\");", stub);
        Assert.Contains($"public static partial class {exercise.ClassName}", stub);
        Assert.DoesNotContain("<solution", stub + solved);
        foreach (string line in SolutionLines(exercise))
        {
            Assert.DoesNotContain(line, stub);
            Assert.Contains(line, solved);
        }
    }

    [Fact]
    public void TheEmbeddedSolutionsAreTheLibrarySourcesOnDisk()
    {
        foreach (string source in CourseExercises.All.Select(e => e.Source).Distinct())
        {
            string onDisk = File.ReadAllText(Path.Combine(s_root, source)).Replace("\r\n", "\n");
            Assert.True(onDisk == SolutionSources.Read(source), $"{source} changed since Aim.Course was built; rebuild it");
        }
    }

    [Fact]
    public void EverySolutionMarkerInTheLibraryNamesAnExercise()
    {
        var known = CourseExercises.All.Select(e => e.Id).ToHashSet();
        var markers = Directory.GetFiles(Path.Combine(s_root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "// <solution exercise=\"(?<id>[^\"]+)\">").Select(m => (File: f, Id: m.Groups["id"].Value)))
            .ToArray();
        Assert.NotEmpty(markers);
        Assert.All(markers, m => Assert.True(known.Contains(m.Id), $"{m.File} marks exercise '{m.Id}', which the course does not list"));
        Assert.All(known, id => Assert.Contains(markers, m => m.Id == id));
    }

    [Fact]
    public void AnUnknownExerciseIsNamedWithTheKnownOnes()
    {
        var e = Assert.Throws<ArgumentException>(() => CourseExercises.Get("betta"));
        Assert.StartsWith("Unknown exercise 'betta'; expected one of beta, gate, aim-loss, td-target, thrifty-thresholds, loop.", e.Message);
    }

    // The library's lines between the exercise's markers.
    private static IEnumerable<string> SolutionLines(CourseExercise exercise)
    {
        string text = File.ReadAllText(Path.Combine(s_root, exercise.Source));
        return Regex.Matches(text, $"// <solution exercise=\"{Regex.Escape(exercise.Id)}\">\\n(?<body>.*?)// </solution>", RegexOptions.Singleline)
            .SelectMany(m => m.Groups["body"].Value.Split('\n'))
            .Select(l => l.Trim())
            .Where(l => l.Any(char.IsLetterOrDigit)); // a brace alone gives no solution away
    }

    internal static string RepositoryRoot() =>
        Aim.Course.RepositoryRoot.Above(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("No Aim.Notebooks.sln above the test assembly.");
}
