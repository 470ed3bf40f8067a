namespace Aim.Course;

/// <summary>The student project does not compile; the message holds the compiler's errors, one a line.</summary>
public sealed class StudentBuildException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public StudentBuildException(string message)
        : base(message)
    {
    }
}
