namespace Aim.Cli;

/// <summary>Where a command writes, and whether it may draw a live display.</summary>
/// <param name="Output">Standard output: progress, tables, where the results are.</param>
/// <param name="Error">Standard error: one-line errors.</param>
/// <param name="Live">True on an interactive terminal (Spectre.Console progress); false writes plain lines.</param>
public sealed record CliContext(TextWriter Output, TextWriter Error, bool Live)
{
    /// <summary>Exit code of a bad value (unknown name or key, bad number, unwritable folder).</summary>
    public const int BadValue = 2;

    /// <summary>Exit code when some runs failed or are missing.</summary>
    public const int Incomplete = 1;

    /// <summary>Runs <paramref name="action"/>, turning expected failures into one line on <see cref="Error"/> and exit code 2.</summary>
    public int Guard(Func<int> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException or InvalidDataException or System.Text.Json.JsonException)
        {
            Error.WriteLine("aim: error: " + OneLine(e.Message));
            return BadValue;
        }
    }

    private static string OneLine(string message)
    {
        // ArgumentException appends " (Parameter 'x')", which names our code, not the user's input.
        int parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        string text = parameter >= 0 ? message[..parameter] : message;
        return text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
    }
}
