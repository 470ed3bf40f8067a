using System.Globalization;
using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Training;

namespace Aim.Course;

/// <summary>
/// The scorecard's last line: a short seeded AIM run whose gate uses the student's <c>AsksForHelp</c>,
/// <c>HandsBack</c> and <c>BetaOf</c>. It must reach <see cref="Threshold"/>. The run is deterministic on a machine, so
/// the scorecard shows the library's own gate on the same run beside it: a correct gate gives the same success.
/// </summary>
public static class GateRun
{
    /// <summary>The task: the seven-by-seven lava gap, where one wrong step ends the episode, so asking for help at the
    /// right states matters.</summary>
    public const string Task = "lavagap-s7";

    /// <summary>The seed of the run.</summary>
    public const int Seed = 0;

    /// <summary>
    /// The final test success the run must reach. The library's gate reaches 1.00 here (x86-64 with AVX2); a gate that
    /// never asks for help learns from the warm-up alone and reaches 0.75 (a test keeps it below).
    /// </summary>
    public const double Threshold = 0.9;

    /// <summary>The trainer's budget: 1,000 environment steps (the default warm-up among them), evaluated once at the
    /// end on 20 held-out layouts; the task's preset gives every other option.</summary>
    public static TrainerOptions Options { get; } = new()
    {
        Seed = Seed,
        TotalEnvSteps = 1_000,
        EvalEvery = 0,
        EvalEpisodes = 20,
    };

    /// <summary>Trains AIM on <see cref="Task"/> with <paramref name="rule"/> and returns the final test success.</summary>
    public static double Train(AimGateRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ITrainer trainer = Experiment.Create(Task, "aim", Options);
        try
        {
            ((AimMethod)trainer.Method).Gate.Rule = rule;
            IReadOnlyList<EvaluationPoint> history = trainer.Train();
            return history[^1].Success;
        }
        finally
        {
            (trainer as IDisposable)?.Dispose();
        }
    }

    /// <summary>The scorecard line of a run that reached <paramref name="success"/>, beside the library gate's
    /// <paramref name="librarySuccess"/> on the same run.</summary>
    public static ExerciseResult Result(double success, double librarySuccess) => new(
        "aim-run",
        $"seeded AIM run with your gate ({Task}, seed {Seed}, 1,000 steps)",
        success >= Threshold,
        string.Create(CultureInfo.InvariantCulture,
            $"test success {success:0.00} on 20 held-out layouts; needs {Threshold:0.00} (the library's gate, same run: {librarySuccess:0.00})"));
}
