namespace Aim.Course;

/// <summary>A public check found a wrong answer; the message names the call, what came back and what was expected.</summary>
internal sealed class CheckFailedException(string message) : Exception(message);
