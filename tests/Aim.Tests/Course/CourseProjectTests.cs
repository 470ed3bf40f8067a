using Aim.Course;
using Aim.Learning.Algorithms.Aim;

namespace Aim.Tests.Course;

/// <summary>
/// The course end to end: <c>aim course new</c>'s project is built and graded as <c>aim course check</c> grades it.
/// </summary>
public sealed class CourseProjectTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "aim-course-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void AFreshProjectCompilesAndFailsEveryExerciseByName()
    {
        StudentProject.Write(_folder, StubWriterTests.RepositoryRoot());
        IReadOnlyList<ExerciseResult> results = CourseCheck.Run(_folder, TextWriter.Null);

        foreach (CourseExercise exercise in CourseExercises.All)
        {
            ExerciseResult result = results.Single(r => r.Id == exercise.Id);
            Assert.False(result.Passed);
            Assert.Equal($"Exercise {exercise.Id} is not done yet: write it in {exercise.StudentFile}.", result.Detail);
        }

        ExerciseResult run = results.Single(r => r.Id == "aim-run");
        Assert.False(run.Passed);
        Assert.Contains("exercises beta and gate must pass first", run.Detail);
    }

    [Fact]
    public void TheSolutionKeyPassesEverythingAndTheRunReachesTheLibrarysSuccess()
    {
        StudentProject.Write(_folder, StubWriterTests.RepositoryRoot(), solved: true);
        var output = new StringWriter();
        IReadOnlyList<ExerciseResult> results = CourseCheck.Run(_folder, output);

        Assert.All(results, r => Assert.True(r.Passed, $"{r.Id}: {r.Detail}"));
        string run = results.Single(r => r.Id == "aim-run").Detail;
        string success = run.Split(' ')[2];
        Assert.EndsWith($"(the library's gate, same run: {success})", run);
        Assert.Contains("Score: 7 of 7 passed.", output.ToString());
    }

    [Fact]
    public void FillingOneExerciseWithTheLibrarysCodePassesThatOneOnly()
    {
        StudentProject.Write(_folder, StubWriterTests.RepositoryRoot());
        CourseExercise gate = CourseExercises.Get("gate");
        File.WriteAllText(Path.Combine(_folder, gate.StudentFile), StubWriter.Write(gate, solved: true));

        IReadOnlyList<ExerciseResult> results = CourseCheck.Run(_folder, TextWriter.Null);

        Assert.Equal(["gate"], results.Where(r => r.Passed).Select(r => r.Id));
        Assert.Contains("exercises beta must pass first", results.Single(r => r.Id == "aim-run").Detail);
    }

    [Fact]
    public void AWrongAnswerIsNamedWithTheCallAndTheExpectedValue()
    {
        StudentProject.Write(_folder, StubWriterTests.RepositoryRoot());
        CourseExercise beta = CourseExercises.Get("beta");
        string path = Path.Combine(_folder, beta.StudentFile);
        string wrong = File.ReadAllText(path).Replace(
            "throw new NotImplementedException(\"Exercise beta is not done yet: write it in Exercises/Beta.cs.\");",
            "return Quantiles.Quantile(recentRobotQ, delta);");
        File.WriteAllText(path, wrong);

        ExerciseResult result = CourseCheck.Run(_folder, TextWriter.Null).Single(r => r.Id == "beta");

        Assert.False(result.Passed);
        Assert.Equal("BetaOf([1 … 11], δ = 0.2) returned 3, expected 9", result.Detail);
    }

    [Fact]
    public void AProjectThatDoesNotCompileIsRefusedWithTheCompilersError()
    {
        StudentProject.Write(_folder, StubWriterTests.RepositoryRoot());
        File.AppendAllText(Path.Combine(_folder, "Exercises", "Beta.cs"), "\nnot C#\n");
        var e = Assert.Throws<StudentBuildException>(() => CourseCheck.Run(_folder, TextWriter.Null));
        Assert.Contains("does not build", e.Message);
        Assert.Contains("Beta.cs", e.Message);
    }

    [Fact]
    public void ANewProjectRefusesAFolderThatHoldsOne()
    {
        StudentProject.Write(_folder, StubWriterTests.RepositoryRoot());
        var e = Assert.Throws<ArgumentException>(() => StudentProject.Write(_folder, StubWriterTests.RepositoryRoot()));
        Assert.Contains("already holds a course project (AimCourse.csproj)", e.Message);
    }

    [Fact]
    public void CheckOnAFolderWithoutAProjectSaysHowToMakeOne()
    {
        var error = new StringWriter();
        int code = Aim.Cli.AimCommandLine.Run(["course", "check", _folder], TextWriter.Null, error);
        Assert.Equal(2, code);
        Assert.Equal($"aim: error: '{_folder}' holds no course project (AimCourse.csproj); create one with: aim course new DIR", error.ToString().Trim());
    }

    [Fact]
    public void ARunWhoseGateNeverAsksForHelpMissesTheThreshold()
    {
        var neverAsks = AimGateRule.Library with { AsksForHelp = (_, _) => false };
        double success = GateRun.Train(neverAsks);
        Assert.True(success < GateRun.Threshold, $"a gate that never asks reached {success:0.00}, not below {GateRun.Threshold}");
    }
}
