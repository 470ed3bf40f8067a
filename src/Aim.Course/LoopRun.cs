using System.Globalization;
using Aim.Experiments.Running;
using Aim.Learning.Training;

namespace Aim.Course;

/// <summary>
/// The loop exercise's check: a short seeded AIM run whose every step goes through the student's
/// <c>SharedControlLoop.Step</c>, against the same run through the library's. The loop is right when the two runs
/// are the same run: the same controller and reason at every step, the same buffers, the same final evaluation.
/// </summary>
public static class LoopRun
{
    /// <summary>The task: the small lava gap, as the gate's run (<see cref="GateRun.Task"/>).</summary>
    public const string Task = GateRun.Task;

    /// <summary>The run's seed.</summary>
    public const int Seed = 1;

    /// <summary>
    /// AIM with the released grid code's hand-back (<c>hand_back=NextStep</c>): control returns to the robot from the step
    /// after the expert's action agreed with it, so a loop that ignores <see cref="GateDecision.HandsBackAfter"/> differs.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Overrides { get; } = new Dictionary<string, string> { ["hand_back"] = "NextStep" };

    /// <summary>The run: 200 warm-up steps, then 300 of shared control with several updates; 10 evaluation episodes.</summary>
    public static TrainerOptions Options { get; } = new()
    {
        Seed = Seed,
        TotalEnvSteps = 500,
        EvalEvery = 0,
        EvalEpisodes = 10,
    };

    /// <summary>Compares the run through <paramref name="step"/> with the run through the library's loop.</summary>
    /// <returns>A description of what matched.</returns>
    /// <exception cref="CheckFailedException">The runs differ; the message names the first step where they do.</exception>
    public static string Check(Action<ISharedControl> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        Trace library = Run(SharedControlLoop.Step);
        Trace student = Run(step);
        for (int i = 0; i < Math.Min(library.Steps.Count, student.Steps.Count); i++)
        {
            if (library.Steps[i] != student.Steps[i])
            {
                throw new CheckFailedException(
                    $"step {i + 1} differs: the library's loop gives {library.Steps[i]}, yours {student.Steps[i]}");
            }
        }

        if (library.Steps.Count != student.Steps.Count)
        {
            throw new CheckFailedException($"your loop took {student.Steps.Count} logged steps where the library's took {library.Steps.Count}");
        }

        if (library.Summary != student.Summary)
        {
            throw new CheckFailedException($"every step agrees, but the run ends otherwise: the library's {library.Summary}, yours {student.Summary}");
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"the seeded run ({Task}, seed {Seed}, {Options.TotalEnvSteps} steps, hand_back=NextStep) is the library's, step for step: {library.Summary}");
    }

    private static Trace Run(Action<ISharedControl> step)
    {
        ITrainer trainer = Experiment.Create(Task, "aim", Options, Overrides);
        try
        {
            var steps = new StepTrace();
            trainer.AddObserver(steps);
            trainer.StepRule = step;
            IReadOnlyList<EvaluationPoint> history = trainer.Train();
            string summary = string.Create(CultureInfo.InvariantCulture,
                $"{trainer.Context.Human.TotalAdded} expert-labelled and {trainer.Context.Agent.TotalAdded} robot steps stored, expert cost {trainer.ExpertCost}, test success {history[^1].Success:0.00}");
            return new Trace(steps.Steps, summary);
        }
        finally
        {
            trainer.Dispose();
        }
    }

    private sealed record Trace(IReadOnlyList<string> Steps, string Summary);

    /// <summary>What a step did, in words a student can compare.</summary>
    private sealed class StepTrace : ITrainingObserver
    {
        public List<string> Steps { get; } = new();

        public void OnStep(in TrainingStep step) => Steps.Add(string.Create(CultureInfo.InvariantCulture,
            $"(env step {step.EnvStep}, episode {step.Episode}, {step.Previous} in control before, {step.Controller} acts: {step.Decision.Reason}{(step.Done ? ", episode ends" : "")})"));
    }
}
