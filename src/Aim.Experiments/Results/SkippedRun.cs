namespace Aim.Experiments.Results;

/// <summary>A run directory the result loader left out, and why (the reason names the file and, for tables, the line).</summary>
/// <param name="Directory">The run directory (full path).</param>
/// <param name="Reason">Why it was left out: unfinished, damaged, or a repeat of another run.</param>
public sealed record SkippedRun(string Directory, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Directory}: {Reason}";
}
