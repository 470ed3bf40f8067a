using Aim.Envs.Grid;
using Aim.Experiments.Charts;
using Aim.Experiments.Running;
using Aim.Experiments.Tasks;
using Aim.Learning.Algorithms.Aim;
using Aim.Learning.Training;
using Plotly.NET;

namespace Aim.Experiments.Inspection;

/// <summary>
/// A grid run opened for inspection: the same trainer <see cref="Experiment.Grid"/> builds (same seed, same results),
/// with its training environment exposed and every gate decision recorded with the agent's cell and direction, and
/// the layout of every training episode kept, so notebooks can map where help was requested.
/// </summary>
public sealed class GridSession : IDisposable
{
    private readonly Dictionary<int, int[,,]> _layouts = new();

    private GridSession(string task, GridEnv env, Func<GridSession, InteractiveTrainer<byte[], int>> build)
    {
        Task = task;
        Env = env;
        Trainer = build(this);
        Recorder = (GateRecorder)Trainer.Method;
    }

    /// <summary>The task name.</summary>
    public string Task { get; }

    /// <summary>The training environment (read its state; stepping it would corrupt the run).</summary>
    public GridEnv Env { get; }

    /// <summary>The trainer: call its round-level API (<c>WarmUp</c>, <c>CollectSteps</c>, <c>Update</c>, <c>Evaluate</c>, <c>Train</c>).</summary>
    public InteractiveTrainer<byte[], int> Trainer { get; }

    /// <summary>The recorder wrapping the method.</summary>
    public GateRecorder Recorder { get; }

    /// <summary>The method being trained (unwrapped).</summary>
    public IMethod Method => Recorder.Inner;

    /// <summary>The method as <see cref="AimMethod"/> (null for other methods).</summary>
    public AimMethod? Aim => Recorder.Inner as AimMethod;

    /// <summary>Every gate decision after warm-up, in order.</summary>
    public IReadOnlyList<GateStep> Steps => Recorder.Steps;

    /// <summary>Opens a run of <paramref name="method"/> on grid task <paramref name="task"/>.</summary>
    /// <param name="task">A grid task name (<see cref="GridTasks.Names"/>).</param>
    /// <param name="method">A method name; default <c>aim</c>.</param>
    /// <param name="trainer">Harness options (default: <see cref="TrainerOptions"/>'s defaults).</param>
    /// <param name="overrides">Method option overrides (<c>key=value</c>).</param>
    /// <exception cref="ArgumentException">The task is unknown or not a grid task.</exception>
    public static GridSession Create(
        string task,
        string method = "aim",
        TrainerOptions? trainer = null,
        IReadOnlyDictionary<string, string>? overrides = null)
    {
        TaskCatalog.EnsureKnown(task);
        if (!TaskCatalog.IsGrid(task))
        {
            throw new ArgumentException($"'{task}' is not a grid task. Grid tasks: {string.Join(", ", GridTasks.Names)}.", nameof(task));
        }

        var (env, expert) = TaskCatalog.CreateGrid(task);
        return new GridSession(task, env, session => Experiment.Build(
            env,
            expert,
            () => TaskCatalog.CreateGrid(task).Env,
            task,
            method,
            trainer ?? new TrainerOptions(),
            overrides,
            runDirectory: null,
            decorate: inner => new GateRecorder(inner, session.ReadPose, session.ReadClock)));
    }

    /// <summary>
    /// The layout (MiniGrid encoding, <see cref="MiniGridInterop.Encode"/>) of training episode
    /// <paramref name="episode"/> at its first recorded decision; null when no decision of it was recorded.
    /// </summary>
    public int[,,]? Layout(int episode) => _layouts.TryGetValue(episode, out int[,,]? layout) ? layout : null;

    /// <summary>An environment frozen on the layout of training episode <paramref name="episode"/>, for Q-value maps.</summary>
    /// <exception cref="ArgumentException">No decision of that episode was recorded.</exception>
    public GridEnv LayoutEnv(int episode)
    {
        int[,,] layout = Layout(episode) ?? throw new ArgumentException($"No decision of episode {episode} was recorded.", nameof(episode));
        GateStep first = Steps.First(s => s.Episode == episode);
        GridEnv env = MiniGridInterop.CreateEnv(layout, (int)first.Pose.X, (int)first.Pose.Y, (int)first.Pose.Direction, Env.MaxSteps, Env.SeeThroughWalls, Env.Options);
        env.Reset();
        return env;
    }

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
        return last == Trainer.Episodes && _layouts.ContainsKey(last - 1) ? last - 1 : last;
    }

    /// <summary>
    /// Training episode <paramref name="episode"/> on its layout: Q^I(s, π_r(s)) of the current networks, maximised
    /// over the four directions, the agent's path, and red crosses where it asked for help.
    /// </summary>
    /// <param name="episode">A training episode with recorded decisions.</param>
    /// <param name="range">The colour range; null (default) fits it to the values.</param>
    /// <param name="title">Chart title; default names the episode.</param>
    /// <exception cref="InvalidOperationException">The method is not AIM.</exception>
    public GenericChart EpisodeChart(int episode, (double Min, double Max)? range = null, string? title = null)
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

    /// <summary>The decisions of training episode <paramref name="episode"/>.</summary>
    public IReadOnlyList<GateStep> StepsOf(int episode) => Steps.Where(s => s.Episode == episode).ToArray();

    /// <inheritdoc />
    public void Dispose() => Trainer.Dispose();

    private GatePose ReadPose()
    {
        int episode = Trainer.Episodes;
        if (!_layouts.ContainsKey(episode))
        {
            _layouts[episode] = MiniGridInterop.Encode(Env);
        }

        return new GatePose(Env.AgentX, Env.AgentY, Env.AgentDirection);
    }

    private (long EnvStep, int Episode) ReadClock() => (Trainer.EnvSteps, Trainer.Episodes);
}
