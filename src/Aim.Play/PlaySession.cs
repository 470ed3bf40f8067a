using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aim.Envs.Driving;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using Aim.Experiments.Catalog;
using Aim.Experiments.Charts;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Learning.Algorithms.Common;
using Aim.Learning.Data;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using Aim.Play.Protocol;
using Aim.Play.Server;
using Aim.Play.Session;
using static Aim.Play.Protocol.MessageJson;

namespace Aim.Play;

/// <summary>
/// A person playing the expert: the ordinary harness (<see cref="InteractiveTrainer{TObs, TAct}"/>, the method's gate
/// and learner, updates on schedule, evaluations on held-out layouts) with the page's person as the expert. The run
/// directory is an ordinary one (<c>options.json</c> with <c>"expert": "human"</c>, <c>metrics.csv</c>,
/// <c>steps.csv</c>, checkpoints, <c>summary.json</c>, <c>report.html</c>), so the run sits in tables and reports
/// beside simulated-expert runs. Training runs on its own thread once <see cref="Start"/> is called (a
/// <see cref="PlayServer"/> calls it); <see cref="Stop"/> ends it early and keeps what was done.
/// </summary>
public sealed class PlaySession : IDisposable
{
    private const string Human = "human";
    private const string PlannerStandIn = "planner-stand-in";

    private readonly InteractiveTrainerHandle _handle;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<int> _personActions = new();
    private readonly object _stateLock = new();
    private Thread? _thread;
    private GridPerson? _gridPerson;
    private long _requests;
    private long _decisionStep = -1;
    private bool _decisionAsks;
    private string? _robotAction;
    private string? _reason;
    private IReadOnlyList<Gauge> _gauges = [];
    private EvaluationSummary? _lastEvaluation;
    private FrameMessage? _lastFrame;
    private bool _finished;
    private int _torchThreads;

    private PlaySession(PlayOptions options, RunSpec spec, string runDirectory)
    {
        Options = options;
        Spec = spec;
        RunDirectory = runDirectory;
        bool driving = TaskCatalog.IsDriving(spec.Task);
        TimeSpan delay = options.StepDelay ?? TimeSpan.FromMilliseconds(driving ? 100 : 300);
        Input = new PersonInput(delay);
        Input.Changed += PublishFrameOfNow;
        // A human-gated method's gate is the person's take-over key; a robot-gated one asks by itself.
        Func<IMethod, IMethod> wrap = m => m.IsRobotGated ? m : new PersonGatedMethod(m, () => Input.HoldsControl);
        if (driving)
        {
            var trainer = Experiment.Driving(spec, runDirectory, env =>
            {
                DrivingEnv = env;
                return new DrivingPerson(Input, OnPersonAwaited, IsRequestNow);
            }, wrap);
            _handle = new InteractiveTrainerHandle(trainer, () => trainer.IsWarmedUp);
            World = new DrivingWorld(DrivingEnv!);
        }
        else
        {
            var trainer = Experiment.Grid(spec, runDirectory, env =>
            {
                GridEnv = env;
                _gridPerson = new GridPerson(Input, OnPersonAwaited);
                return _gridPerson;
            }, wrap);
            _handle = new InteractiveTrainerHandle(trainer, () => trainer.IsWarmedUp);
            World = new GridWorld(GridEnv!);
        }

        if (Trainer.Method.LearnsOnlyFromWarmUp)
        {
            Trainer.Dispose();
            throw new ArgumentException($"Method '{spec.Method}' learns from the warm-up only and never asks for help, so there is nothing to play; choose a robot-gated method (aim, thrifty, thrifty-nocritic, ensemble-dagger) or a human-gated one (hg-dagger, pvp).", nameof(options));
        }

        Trainer.AddObserver(new Observer(this));

        // Read on the thread that built the trainer (and seeded torch): the training thread computes with the same count.
        _torchThreads = TorchRuntime.CurrentThreads;
    }

    /// <summary>The options the session was created with.</summary>
    public PlayOptions Options { get; }

    /// <summary>The run: task, method, seed and the typed options (play defaults, then the person's settings).</summary>
    public RunSpec Spec { get; }

    /// <summary>The run directory (full path).</summary>
    public string RunDirectory { get; }

    /// <summary>The harness; read it (its <see cref="ITrainer.Context"/> holds the person's labels), never step it.</summary>
    public ITrainer Trainer => _handle.Trainer;

    /// <summary>The training environment of a grid task (null when driving); read its state while the page awaits the person.</summary>
    public GridEnv? GridEnv { get; private set; }

    /// <summary>The training environment of a driving task (null on the grid).</summary>
    public DrivingEnv? DrivingEnv { get; private set; }

    /// <summary>True when the method is human-gated: the person takes control with a key instead of being asked.</summary>
    public bool IsHumanGated => !Trainer.Method.IsRobotGated;

    /// <summary>Ends when the run is finished or stopped (summary.json and report.html written by then).</summary>
    public Task Completion => _completion.Task;

    /// <summary>True once the session was stopped before its budget was spent.</summary>
    public bool WasStopped { get; private set; }

    /// <summary>What ended the run when it failed (null otherwise).</summary>
    public Exception? Failure { get; private set; }

    /// <summary>Grid: every action of the person that the run stored as a label, in order.</summary>
    public IReadOnlyList<int> PersonActions
    {
        get
        {
            lock (_stateLock)
            {
                return _personActions.ToArray();
            }
        }
    }

    internal PersonInput Input { get; }

    internal IPlayWorld World { get; }

    internal PlayHub Hub { get; } = new();

    /// <summary>
    /// Creates the session: checks the task, method and settings, creates the run directory
    /// <c>{OutputRoot}/{task}__{method}__human__s{seed}__{time}/</c> and writes options.json. Nothing runs until
    /// <see cref="Start"/>.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown task, method or setting, a bad value, or a method that never asks (bc).</exception>
    public static PlaySession Create(PlayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.StepDelay is TimeSpan d && (d < TimeSpan.Zero || d > PlayOptions.MaxStepDelay))
        {
            throw new ArgumentOutOfRangeException(nameof(options), d, $"StepDelay must be between 0 and {PlayOptions.MaxStepDelay.TotalMilliseconds} ms.");
        }

        TaskCatalog.EnsureKnown(options.Task);
        MethodCatalog.EnsureKnown(options.Method);
        if (options.PlannerStandsIn && TaskCatalog.IsDriving(options.Task))
        {
            throw new ArgumentException($"The planner stands in on grid tasks only; '{options.Task}' is a driving task (held keys are not scripted).", nameof(options));
        }

        RunSpec spec = RunSettings.Build(options.Task, options.Method, options.Seed, PlayDefaults.Merge(options.Task, options.Settings));
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        Directory.CreateDirectory(options.OutputRoot);
        string directory = UniqueFolder.Create(options.OutputRoot, $"{spec.Task}__{spec.Method}__{(options.PlannerStandsIn ? PlannerStandIn : Human)}__s{spec.Seed}__{stamp}");
        ExperimentRunner.WriteOptions(directory, spec, expert: options.PlannerStandsIn ? PlannerStandIn : Human);
        try
        {
            return new PlaySession(options, spec, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Starts training on its own thread (once; later calls do nothing).</summary>
    public void Start()
    {
        lock (_stateLock)
        {
            if (_thread is not null)
            {
                return;
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "aim play" };
            _thread.Start();
        }

        if (Options.PlannerStandsIn)
        {
            ShortestPathExpert? planner = null;
            _ = PlayAsync(env => (planner ??= new ShortestPathExpert(env)).Act());
        }
    }

    /// <summary>
    /// Plays the person's part without a page: whenever the run waits for the person on the grid, <paramref name="person"/>
    /// chooses the action from the training environment's current state, and it goes through the same inbox as a key
    /// from the page. A stand-in for demonstrations that must run unattended (a notebook in CI, a test); its run is
    /// still marked <c>expert: human</c>, so say what played it. Ends when the session ends.
    /// </summary>
    /// <param name="person">Chooses a grid action (0–6, MiniGrid's) in the environment's current state.</param>
    /// <param name="cancellationToken">Stops playing (the session goes on, waiting for a person).</param>
    /// <exception cref="InvalidOperationException">The session is a driving one (held keys are not scripted).</exception>
    public async Task PlayAsync(Func<GridEnv, int> person, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        GridEnv env = GridEnv ?? throw new InvalidOperationException("PlayAsync scripts grid sessions only; a driving session takes held keys from the page.");
        while (!Completion.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // The environment is read under the inbox's lock while the run waits for the person, so it cannot change.
            if (Input.TryAnswer(() => person(env)))
            {
                continue;
            }

            await Task.WhenAny(Completion, Task.Delay(5, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops the session: the run stops before its next step (at once when it waits for the person or paces the robot)
    /// and is evaluated, saved and summarised before <see cref="Completion"/> ends.
    /// </summary>
    public void Stop()
    {
        // The request first, so that a wait it ends finds the run already stopping.
        _handle.Trainer.RequestStop();
        Input.Stop();
    }

    /// <summary>Stops the session, waits for the run to be written, and releases the networks.</summary>
    public void Dispose()
    {
        Stop();
        if (_thread is null)
        {
            _handle.Trainer.Dispose();
        }
        else
        {
            _thread.Join();
        }
    }

    /// <summary>Applies a checked message from the page; returns a notice for the sender, or null.</summary>
    internal string? Apply(ClientMessage message)
    {
        switch (message.Kind)
        {
            case ClientMessageKind.Act when World.IsDriving:
                throw new FormatException("Driving takes held keys ({\"type\":\"keys\",…}), not grid actions.");
            case ClientMessageKind.Act:
                return Input.TryAct(message.Action) ? null : "The robot is acting now; your key was not used.";
            case ClientMessageKind.Keys when !World.IsDriving:
                throw new FormatException("The grid takes one action per key ({\"type\":\"act\",…}), not held keys.");
            case ClientMessageKind.Keys:
                Input.SetKeys(message.Steer, message.Throttle);
                return null;
            case ClientMessageKind.Pause:
                Input.SetPaused(true);
                return null;
            case ClientMessageKind.Resume:
                Input.SetPaused(false);
                return null;
            case ClientMessageKind.Speed:
                Input.SetDelay(TimeSpan.FromMilliseconds(message.DelayMs));
                return null;
            case ClientMessageKind.Takeover when !IsHumanGated:
                return $"{Trainer.Method.Name} is robot-gated: the robot asks for help itself.";
            case ClientMessageKind.Takeover:
                Input.ToggleControl();
                return null;
            case ClientMessageKind.Stop:
                Stop();
                return null;
            default:
                throw new FormatException($"Message '{message.Kind}' is not handled.");
        }
    }

    /// <summary>The first message of a connection.</summary>
    internal byte[] Hello(bool isController) => Encode(new HelloMessage(
        isController ? "controller" : "viewer",
        Spec.Task,
        Spec.Method,
        World.IsDriving,
        IsHumanGated,
        ClientMessage.ActionNames));

    private void Run()
    {
        var clock = Stopwatch.StartNew();

        // The thread count is per thread (OpenMP): the run computes as it would have on the thread that created it.
        TorchRuntime.Initialize(_torchThreads);
        try
        {
            // A stopped run ends as a finished one does (an evaluation and the final checkpoint, once warmed up).
            Trainer.Train();
            WasStopped = !Trainer.IsFinished;
        }
        catch (Exception e)
        {
            Failure = e;
        }

        try
        {
            IReadOnlyList<EvaluationPoint> history = Trainer.History.ToArray();
            Trainer.Dispose();
            if (history.Count > 0)
            {
                ExperimentRunner.WriteSummary(RunDirectory, new RunResult(Spec, RunDirectory, history, clock.Elapsed.TotalSeconds), WasStopped || Failure is not null);
                ExperimentReport.Write(ResultSet.Load(RunDirectory), Path.Combine(RunDirectory, "report.html"), new ReportOptions
                {
                    Title = Options.PlannerStandsIn
                        ? $"{Spec.Method} on {Spec.Task} with the planner standing in for the person, seed {Spec.Seed}"
                        : $"{Spec.Method} on {Spec.Task} with a person as the expert, seed {Spec.Seed}",
                });
            }
        }
        catch (Exception e)
        {
            Failure ??= e;
        }

        lock (_stateLock)
        {
            _robotAction = null;
            _reason = null;
            _gauges = [];
        }

        _finished = true;
        PublishFrame(PlayPhase.Finished, Failure is null ? "Finished: the run is written." : $"Failed: {Failure.Message}");
        Hub.PublishFinished(Encode(new FinishedMessage(RunDirectory, WasStopped, Failure?.Message)));
        _completion.TrySetResult();
    }

    /// <summary>True when the step about to be taken starts a period of person control (a request, or the very first warm-up step).</summary>
    private bool IsRequestNow() =>
        Trainer.EnvSteps == 0 || (_decisionStep == Trainer.EnvSteps + 1 && _decisionAsks);

    /// <summary>Called by the person expert on the training thread just before it waits for the person.</summary>
    private void OnPersonAwaited()
    {
        bool request = _decisionStep == Trainer.EnvSteps + 1 && _decisionAsks;
        string status = !_handle.IsWarmedUp()
            ? "Warm-up: you drive. Your actions are the robot's first demonstrations." + (World.IsDriving ? " Hold an arrow key to start." : string.Empty)
            : request
                ? "The robot asks for help: your turn." + (World.IsDriving ? " The car waits until you hold an arrow key." : string.Empty)
                : IsHumanGated
                    ? "You have control; press I to give it back."
                    : "You have control; the robot takes back when it agrees with you.";
        if (!request)
        {
            // The person acts before the gate this time (its hand-back rule compares the two actions): say so rather
            // than show the previous step's proposal.
            lock (_stateLock)
            {
                _robotAction = null;
                _reason = _handle.IsWarmedUp() && !IsHumanGated ? "the robot takes back when its action matches yours" : _reason;
            }
        }

        PublishFrame(request ? PlayPhase.Asking : PlayPhase.Person, status);
    }

    /// <summary>
    /// Re-sends the latest frame with the page's controls as they are now (pause, pace, control), from the thread that
    /// changed them: the scene is not re-rendered, because only the training thread may read the environment.
    /// </summary>
    private void PublishFrameOfNow()
    {
        FrameMessage frame;
        lock (_stateLock)
        {
            if (_finished || _lastFrame is null)
            {
                return;
            }

            bool paused = Input.IsPaused;
            bool robotPhase = _lastFrame.Phase is PlayPhase.Robot or PlayPhase.Paused;
            frame = _lastFrame with
            {
                Phase = robotPhase ? (paused ? PlayPhase.Paused : PlayPhase.Robot) : _lastFrame.Phase,
                Status = robotPhase && paused ? "Paused." : _lastFrame.Status,
                Paused = paused,
                DelayMs = (int)Input.Delay.TotalMilliseconds,
                HoldsControl = Input.HoldsControl,
            };
            _lastFrame = frame;
        }

        Hub.PublishFrame(Encode(frame));
    }

    /// <summary>Renders the scene and publishes a frame (training thread only: it reads the environment).</summary>
    private void PublishFrame(PlayPhase phase, string status)
    {
        FrameMessage frame;
        lock (_stateLock)
        {
            bool personControls = phase is PlayPhase.Asking or PlayPhase.Person;
            frame = new FrameMessage(
                phase,
                status,
                personControls ? "person" : "robot",
                Trainer.EnvSteps,
                Trainer.Episodes,
                !_handle.IsWarmedUp(),
                World.RenderScene(),
                World.RenderView(),
                _robotAction,
                _reason,
                _gauges,
                new Counters(Trainer.EnvSteps, Trainer.ExpertCost, Trainer.Episodes, _requests, Trainer.Context.Human.TotalAdded),
                _lastEvaluation,
                Input.IsPaused,
                (int)Input.Delay.TotalMilliseconds,
                Input.HoldsControl);
            _lastFrame = frame;
        }

        Hub.PublishFrame(Encode(frame));
    }

    private void PublishCharts()
    {
        var figures = new List<JsonElement>();
        var results = new ResultSet([RunLoader.Load(RunDirectory)]);
        foreach (var chart in new[] { ReportCharts.SuccessVsExpertCost(results), ReportCharts.SuccessVsEnvSteps(results) })
        {
            using JsonDocument figure = JsonDocument.Parse(OfflinePlotly.ToFigureJson(chart));
            figures.Add(figure.RootElement.Clone());
        }

        Hub.PublishCharts(Encode(new ChartsMessage(figures)));
    }

    /// <summary>The session's view of the run: pacing, the page's frames, the person's labels and the charts.</summary>
    private sealed class Observer : ITrainingObserver
    {
        private readonly PlaySession _session;

        public Observer(PlaySession session) => _session = session;

        public void OnDecision(in TrainingDecision decision)
        {
            PlaySession s = _session;
            lock (s._stateLock)
            {
                s._decisionStep = decision.EnvStep;
                s._decisionAsks = decision.AsksForHelp;
                if (decision.AsksForHelp)
                {
                    // Counted when asked, so the page's count and its request banner agree.
                    s._requests++;
                }

                s._robotAction = s._handle.IsWarmedUp() ? s.World.ActionName(decision.RobotAction) : null;
                s._reason = decision.Decision.Reason;
                s._gauges = GateGauges.Read(s.Trainer.Method, decision.Decision, decision.Previous, decision.IsWarmUp);
            }

            if (decision.Decision.Controller == Controller.Robot)
            {
                // The robot's step is shown before it is taken; the person expert then holds it for the person to follow.
                s.PublishFrame(s.Input.IsPaused ? PlayPhase.Paused : PlayPhase.Robot, s.IsHumanGated ? "Robot drives; press I to take over." : "Robot drives.");
            }
        }

        public void OnUpdateStart() =>
            _session.PublishFrame(PlayPhase.Robot, _session._handle.IsWarmedUp() ? "The robot is learning from the labels so far…" : "Warm-up done: the robot is learning from your demonstrations…");

        public void OnEvaluationStart() =>
            _session.PublishFrame(PlayPhase.Robot, $"Evaluating the robot alone on {_session.Spec.Trainer.EvalEpisodes} held-out layouts…");

        public void OnStep(in TrainingStep step)
        {
            PlaySession s = _session;
            lock (s._stateLock)
            {
                if (step.Controller == Controller.Expert && s._gridPerson?.LastAction is int action)
                {
                    s._personActions.Add(action);
                }
            }

            if (s.World.IsDriving && step.Controller == Controller.Expert)
            {
                // Driving steps while the person drives come ten a second without a wait, so each is shown here.
                s.PublishFrame(PlayPhase.Person, step.IsWarmUp ? "Warm-up: you drive." : "You drive.");
            }
        }

        public void OnEvaluation(EvaluationPoint point)
        {
            PlaySession s = _session;
            lock (s._stateLock)
            {
                s._lastEvaluation = new EvaluationSummary(point.EnvSteps, point.ExpertCost, point.Success);
            }

            s.PublishCharts();
        }
    }

    /// <summary>The typed trainer behind the session, with what the session needs from it that <see cref="ITrainer"/> lacks.</summary>
    private sealed record InteractiveTrainerHandle(ITrainer Trainer, Func<bool> IsWarmedUp);
}
