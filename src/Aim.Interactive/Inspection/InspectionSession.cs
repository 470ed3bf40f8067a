using Aim.Envs.Driving;
using Aim.Envs.Grid;
using Aim.Experiments.Catalog;
using Aim.Interactive.Charts;
using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Data;
using Aim.Learning.Training;
using Plotly.NET;

namespace Aim.Interactive.Inspection;

/// <summary>
/// A run opened for inspection, on a grid or a driving task: the same trainer <see cref="Experiment.Create(RunSpec, string?)"/> builds
/// (same seed, same results), with its training environment exposed, every gate decision after warm-up recorded with
/// the agent's pose and the threshold in force, and (on grids) the layout of every training episode kept, so notebooks
/// can map where help was requested.
/// </summary>
public sealed class InspectionSession : ITrainingObserver, IDisposable
{
    private readonly Dictionary<int, int[,,]> _layouts = new();

    private InspectionSession(string task, ITrainer trainer, GridEnv? grid, DrivingEnv? driving)
    {
        Task = task;
        Trainer = trainer;
        Grid = grid;
        Driving = driving;
        trainer.AddObserver(Recorder);
        trainer.AddObserver(this);
    }

    /// <summary>The task name.</summary>
    public string Task { get; }

    /// <summary>The trainer: call its round-level API (<c>WarmUp</c>, <c>CollectSteps</c>, <c>Update</c>, <c>Evaluate</c>, <c>Train</c>).</summary>
    public ITrainer Trainer { get; }

    /// <summary>The grid training environment (null on a driving task). Read its state; stepping it would corrupt the run.</summary>
    public GridEnv? Grid { get; }

    /// <summary>The driving training environment (null on a grid task). Read its state; stepping it would corrupt the run.</summary>
    public DrivingEnv? Driving { get; }

    /// <summary>The observer that records the gate's decisions.</summary>
    public DecisionRecorder Recorder { get; } = new();

    /// <summary>The method being trained.</summary>
    public IMethod Method => Trainer.Method;

    /// <summary>The method as <see cref="AimMethod"/> (null for other methods).</summary>
    public AimMethod? Aim => Trainer.Method as AimMethod;

    /// <summary>Every gate decision after warm-up, in order; poses are cells and directions, or metres and radians.</summary>
    public IReadOnlyList<GateStep> Steps => Recorder.Steps;

    /// <summary>Opens a run of <paramref name="method"/> on <paramref name="task"/>, grid or driving.</summary>
    /// <param name="task">A task name (<see cref="TaskCatalog.Names"/>).</param>
    /// <param name="method">A method name; default <c>aim</c>.</param>
    /// <param name="trainer">Harness options (default: <see cref="TrainerOptions"/>'s defaults).</param>
    /// <param name="overrides">Method option overrides (<c>key=value</c>), applied after the task's preset.</param>
    /// <exception cref="ArgumentException">The task or method is unknown.</exception>
    public static InspectionSession Create(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        TaskCatalog.EnsureKnown(task);
        if (TaskCatalog.IsGrid(task))
        {
            InteractiveTrainer<byte[], int> grid = Experiment.Grid(task, method, trainer, overrides);
            return new InspectionSession(task, grid, (GridEnv)grid.Env, driving: null);
        }

        InteractiveTrainer<float[], float[]> driving = Experiment.Driving(task, method, trainer, overrides);
        return new InspectionSession(task, driving, grid: null, (DrivingEnv)driving.Env);
    }

    /// <summary>The decisions of training episode <paramref name="episode"/>.</summary>
    public IReadOnlyList<GateStep> StepsOf(int episode) => Steps.Where(s => s.Episode == episode).ToArray();

    /// <summary>
    /// The most recent training episode that has ended and has recorded decisions (the running one if none has).
    /// </summary>
    /// <exception cref="InvalidOperationException">No decision has been recorded yet (call <c>CollectSteps</c> first).</exception>
    public int LastFinishedEpisode()
    {
        if (Steps.Count == 0)
        {
            throw new InvalidOperationException("No gate decision has been recorded yet: collect some steps first.");
        }

        int last = Steps[^1].Episode;
        return last == Trainer.Episodes && Steps.Any(s => s.Episode == last - 1) ? last - 1 : last;
    }

    /// <summary>
    /// The layout (MiniGrid encoding, <see cref="MiniGridInterop.Encode"/>) of grid training episode
    /// <paramref name="episode"/> as it started; null when that episode has not started or the task is not a grid.
    /// </summary>
    public int[,,]? Layout(int episode) => _layouts.TryGetValue(episode, out int[,,]? layout) ? layout : null;

    /// <summary>An environment frozen on the layout of grid training episode <paramref name="episode"/>, for Q-value maps.</summary>
    /// <exception cref="ArgumentException">No decision of that episode was recorded.</exception>
    public GridEnv LayoutEnv(int episode)
    {
        GridEnv grid = Grid ?? throw new InvalidOperationException($"Layouts are grid states; '{Task}' is a driving task.");
        int[,,] layout = Layout(episode) ?? throw new ArgumentException($"Episode {episode} has not started.", nameof(episode));
        GateStep first = Steps.FirstOrDefault(s => s.Episode == episode)
            ?? throw new ArgumentException($"No decision of episode {episode} was recorded.", nameof(episode));
        GridEnv env = MiniGridInterop.CreateEnv(layout, (int)first.Pose.X, (int)first.Pose.Y, (int)first.Pose.Heading, grid.MaxSteps, grid.SeeThroughWalls, grid.Options);
        env.Reset();
        return env;
    }

    /// <summary>
    /// Training episode <paramref name="episode"/> drawn with AIM's Q^I: on a grid, its layout with Q^I(s, π_r(s)) of
    /// the current networks maximised over the four directions, the agent's path and red crosses where it asked for
    /// help; on a road, the robot-controlled positions coloured by Q^I(s, a_r) as it was at each decision, the
    /// requests for help and the hazards.
    /// </summary>
    /// <param name="episode">A training episode with recorded decisions.</param>
    /// <param name="range">Grid only: the colour range; null (default) fits it to the values.</param>
    /// <param name="title">Grid only: chart title; default names the episode.</param>
    /// <exception cref="InvalidOperationException">On a grid, the method is not AIM.</exception>
    /// <exception cref="ArgumentException">No (robot-controlled) decision of that episode was recorded.</exception>
    public GenericChart EpisodeChart(int episode, (double Min, double Max)? range = null, string? title = null) =>
        Grid is null ? RouteChart(episode) : GridEpisodeChart(episode, range, title);

    /// <inheritdoc />
    void ITrainingObserver.OnEpisodeStart(int episode)
    {
        if (Grid is not null)
        {
            _layouts[episode] = MiniGridInterop.Encode(Grid);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Trainer.Dispose();

    private GenericChart GridEpisodeChart(int episode, (double Min, double Max)? range, string? title)
    {
        AimMethod aim = Aim ?? throw new InvalidOperationException($"Q^I maps need AIM; this session runs '{Method.Name}'.");
        GridQMap map = GridQMap.Compute(LayoutEnv(episode), aim);
        IReadOnlyList<GateStep> steps = StepsOf(episode);
        return QValueCharts.GridQ(
            Layout(episode)!,
            map.RobotQMaxOverDirections(),
            "max over directions of Q^I(s, π(s))",
            path: steps.Select(s => ((int)s.Pose.X, (int)s.Pose.Y)).ToArray(),
            help: steps.Where(s => s.AskedForHelp).Select(s => ((int)s.Pose.X, (int)s.Pose.Y)).ToArray(),
            range: range,
            title: title ?? $"training episode {episode}: {steps.Count(s => s.AskedForHelp)} requests for help in {steps.Count} steps");
    }

    private GenericChart RouteChart(int episode)
    {
        IReadOnlyList<GateStep> steps = StepsOf(episode);
        GateStep[] robot = steps.Where(s => s.Previous == Controller.Robot).ToArray();
        if (robot.Length == 0)
        {
            throw new ArgumentException($"No robot-controlled decision of episode {episode} was recorded.", nameof(episode));
        }

        // On driving-toy (one map) the current map is the episode's own.
        DrivingSketch sketch = Driving!.Sketch();
        return DrivingCharts.RoutePlot(
            sketch.RoadEdges,
            sketch.LaneLines,
            robot.Select(s => (s.Pose.X, s.Pose.Y, s.Score)).ToArray(),
            "Q^I(s, a_r)",
            steps.Where(s => s.AskedForHelp).Select(s => (s.Pose.X, s.Pose.Y)).ToArray(),
            sketch.Hazards);
    }
}
