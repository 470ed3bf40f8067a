namespace Aim.Course;

/// <summary>One exercise of the course: a piece of the library that the student writes again.</summary>
/// <param name="Id">Its name in solution markers, stubs and the scorecard, e.g. <c>beta</c>.</param>
/// <param name="Title">What it is, in one line.</param>
/// <param name="Task">What the student writes, shown above the stub.</param>
/// <param name="Source">The library file that holds the solution, from the repository root.</param>
/// <param name="StudentFile">The exercise's file in the student project, e.g. <c>Exercises/Beta.cs</c>.</param>
public sealed record CourseExercise(string Id, string Title, string Task, string Source, string StudentFile)
{
    /// <summary>The library class that holds the solution, which the student's class of the same name mirrors.</summary>
    public string ClassName => Path.GetFileNameWithoutExtension(Source);
}
