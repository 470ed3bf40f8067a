namespace Aim.Tests.Cli;

/// <summary>
/// Tests that train and compare results bit for bit (CLI runs, determinism under a seed, recorded against plain
/// runs): they run alone, because torch's global generator (weight
/// initialisation) is shared by every test running in the process.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialRuns
{
    public const string Name = "Serial training runs";
}
