namespace Aim.Cli;

/// <summary>Entry point of the <c>aim</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => AimCommandLine.Run(args);
}
