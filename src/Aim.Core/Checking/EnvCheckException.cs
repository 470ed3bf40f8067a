namespace Aim.Core.Checking;

/// <summary>Thrown by <see cref="EnvChecker"/> when an environment breaks the <see cref="Envs.IEnv{TObs, TAct}"/> contract.</summary>
public sealed class EnvCheckException : Exception
{
    /// <summary>Creates the exception from the list of problems found.</summary>
    public EnvCheckException(IReadOnlyList<string> problems)
        : base("The environment failed its checks:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }
}
