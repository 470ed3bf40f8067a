using Aim.Cli;

namespace Aim.Tests.Cli;

/// <summary>Runs the aim command line in process, capturing its output and errors.</summary>
internal static class CliRunner
{
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = AimCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Settings that make a run take a few seconds.</summary>
    public static string[] TinyBudget =>
    [
        "--set", "total_env_steps=100", "--set", "warm_up_steps=50", "--set", "eval_every=50", "--set", "eval_episodes=3",
        "--set", "q_initial_steps=10", "--set", "policy.initial_steps=10", "--set", "log_steps=false",
    ];
}
