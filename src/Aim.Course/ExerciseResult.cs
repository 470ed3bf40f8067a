namespace Aim.Course;

/// <summary>One line of the scorecard.</summary>
/// <param name="Id">The exercise (or <c>aim-run</c> for the final run).</param>
/// <param name="Title">What it is.</param>
/// <param name="Passed">Whether every public test passed.</param>
/// <param name="Detail">What passed, or what failed first and why.</param>
public sealed record ExerciseResult(string Id, string Title, bool Passed, string Detail);
