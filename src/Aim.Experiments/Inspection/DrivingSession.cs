using Aim.Envs.Driving;
using Aim.Experiments.Charts;
using Aim.Experiments.Running;
using Aim.Experiments.Tasks;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Plotly.NET;

namespace Aim.Experiments.Inspection;

/// <summary>
/// A driving run opened for inspection: the trainer <see cref="Experiment.Create"/> builds for a driving task (same
/// seed, same results), with its training environment exposed and every gate decision recorded with the ego's
/// position and heading, so notebooks can plot Q^I along the route and where help was requested.
/// </summary>
public sealed class DrivingSession : IDisposable
{
    private DrivingSession(DrivingEnv env, Func<DrivingSession, InteractiveTrainer<float[], float[]>> build)
    {
        Env = env;
        Trainer = build(this);
        Recorder = (GateRecorder)Trainer.Method;
    }

    /// <summary>The training environment (read its state; stepping it would corrupt the run).</summary>
    public DrivingEnv Env { get; }

    /// <summary>The trainer and its round-level API.</summary>
    public InteractiveTrainer<float[], float[]> Trainer { get; }

    /// <summary>The recorder wrapping the method.</summary>
    public GateRecorder Recorder { get; }

    /// <summary>The method as <see cref="AimMethod"/> (null for other methods).</summary>
    public AimMethod? Aim => Recorder.Inner as AimMethod;

    /// <summary>Every gate decision after warm-up, in order; poses are (x, y, heading) in metres and radians.</summary>
    public IReadOnlyList<GateStep> Steps => Recorder.Steps;

    /// <summary>Opens a run of <paramref name="method"/> on driving task <paramref name="task"/>.</summary>
    /// <param name="task"><c>driving</c> or <c>driving-toy</c>.</param>
    /// <param name="method">A method name; default <c>aim</c>.</param>
    /// <param name="trainer">Harness options.</param>
    /// <param name="overrides">Method option overrides (<c>key=value</c>), applied after the task's preset.</param>
    /// <exception cref="ArgumentException">The task is unknown or not a driving task.</exception>
    public static DrivingSession Create(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        TaskCatalog.EnsureKnown(task);
        if (!TaskCatalog.IsDriving(task))
        {
            throw new ArgumentException($"'{task}' is not a driving task: use '{TaskCatalog.Driving}' or '{TaskCatalog.DrivingToy}'.", nameof(task));
        }

        trainer ??= new TrainerOptions();
        var (env, expert) = TaskCatalog.CreateDriving(task, trainer.Seed);
        return new DrivingSession(env, session => Experiment.Build(
            env,
            expert,
            TaskCatalog.DrivingEvaluationFactory(task),
            task,
            method,
            trainer,
            overrides,
            runDirectory: null,
            safetyCritical: global::Aim.Envs.Driving.Metrics.SafetyCriticalRule.Default,
            decorate: inner => new GateRecorder(
                inner,
                () => new GatePose(session.Env.Ego.X, session.Env.Ego.Y, session.Env.Ego.Heading),
                () => (session.Trainer.EnvSteps, session.Trainer.Episodes))));
    }

    /// <summary>
    /// The road of the environment's current map (on driving-toy, which has one map, the episode's own) with training
    /// episode <paramref name="episode"/>'s robot-controlled positions
    /// coloured by Q^I(s, a_r), red crosses where the robot asked for help, and the hazards.
    /// </summary>
    /// <param name="episode">A training episode with recorded decisions.</param>
    /// <exception cref="ArgumentException">No robot-controlled decision of that episode was recorded.</exception>
    public GenericChart RouteChart(int episode)
    {
        GateStep[] steps = Steps.Where(s => s.Episode == episode).ToArray();
        GateStep[] robot = steps.Where(s => s.Previous == Controller.Robot).ToArray();
        if (robot.Length == 0)
        {
            throw new ArgumentException($"No robot-controlled decision of episode {episode} was recorded.", nameof(episode));
        }

        DrivingSketch sketch = Env.Sketch();
        return DrivingCharts.RoutePlot(
            sketch.RoadEdges,
            sketch.LaneLines,
            robot.Select(s => (s.Pose.X, s.Pose.Y, s.Score)).ToArray(),
            "Q^I(s, a_r)",
            steps.Where(s => s.AskedForHelp).Select(s => (s.Pose.X, s.Pose.Y)).ToArray(),
            sketch.Hazards);
    }

    /// <inheritdoc />
    public void Dispose() => Trainer.Dispose();
}
