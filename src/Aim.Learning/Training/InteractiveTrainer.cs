using Aim.Core.Envs;
using Aim.Core.Experts;
using Aim.Core.Metrics;
using Aim.Learning.Data;
using Aim.Learning.Datasets;
using Aim.Learning.Logging;
using Aim.Learning.Spec;
using Aim.Learning.Torch;

namespace Aim.Learning.Training;

/// <summary>
/// The shared harness of interactive imitation learning: it runs the environment under shared control, asks the
/// method's gate who acts, stores every transition in the human or agent buffer, charges the expert's takeover cost,
/// triggers updates, evaluates on held-out seeds and logs it all as it happens.
/// </summary>
/// <remarks>
/// Counters and metrics live in <see cref="Account"/>; the run log and anything else that watches the run (a
/// notebook's decision recorder, a live page) are <see cref="ITrainingObserver"/>s.
/// Round-level API for notebooks, one phase per cell: <see cref="WarmUp"/>, <see cref="CollectSteps"/> or
/// <see cref="CollectEpisode"/>, <see cref="Update"/>, <see cref="Evaluate"/>; <see cref="Train"/> composes them.
/// </remarks>
/// <typeparam name="TObs">Observation type.</typeparam>
/// <typeparam name="TAct">Action type.</typeparam>
public sealed partial class InteractiveTrainer<TObs, TAct> : ITrainer, ISharedControl
{
    private readonly IEnv<TObs, TAct> _env;
    private readonly IExpert<TObs, TAct> _expert;
    private readonly IGaussianExpert? _gaussianExpert;
    private readonly IPersonExpert<TObs, TAct>? _person;
    private readonly bool _onDemand;
    private readonly Codec<TObs, TAct> _codec;
    private readonly Evaluator<TObs, TAct> _evaluator;
    private readonly TrainingContext _context;
    private readonly TrainingAccount _account;
    private readonly RunLog? _log;
    private readonly List<ITrainingObserver> _observers = new();
    private readonly IReadOnlyList<KeyValuePair<string, string>> _settings;
    private readonly float[] _observation;
    private readonly float[] _nextObservation;
    private readonly float[] _robotAction;
    private readonly float[] _expertAction;
    private readonly float[] _expertMean;
    private readonly float[] _expertStd;
    private readonly List<EvaluationPoint> _history = new();
    private readonly bool _ownsMethod;
    private readonly ISafetyCriticalRule? _safetyCritical;
    private readonly IPositioned? _positioned;
    private readonly ISafetyCriticalState? _criticalState;
    private readonly EpisodeRecorder<TObs, TAct>? _recorder;
    private TObs _rawObservation = default!;
    private bool _needsReset = true;
    private Controller _previous = Controller.Robot;
    private long _lastUpdateLabels;
    private long _lastUpdateStep;
    private long _lastEvalClock;
    private bool _resumePointDue;

    /// <summary>Creates the trainer; nothing runs until a phase is called.</summary>
    /// <param name="env">Training environment (reset with <see cref="TrainerOptions.Seed"/>, then continuing its stream).</param>
    /// <param name="expert">The simulated human, bound to <paramref name="env"/>.</param>
    /// <param name="evalEnvFactory">Builds evaluation environments (held-out seeds; no expert).</param>
    /// <param name="method">The method: actor, gate and learning.</param>
    /// <param name="options">Harness options.</param>
    /// <param name="runDirectory">Where logs and checkpoints go (null: nothing is written).</param>
    /// <param name="ownsMethod">Dispose <paramref name="method"/> with the trainer.</param>
    /// <param name="safetyCritical">The task's safety-critical rule, to count misses over training (null: not counted).</param>
    /// <param name="resumeFrom">
    /// A resume point written by <see cref="SaveResumePoint"/> (null: a new run). The trainer continues from it, and the
    /// logs in <paramref name="runDirectory"/> keep the rows written up to it and are appended to. Build the trainer
    /// exactly as the saved run was built (same task, method, options and seed); if the state does not fit, the
    /// constructor throws and nothing on disk has changed.
    /// </param>
    /// <param name="methodSettings">
    /// The method's options by name (e.g. <c>methodOptions.delta</c>), recorded with the harness options in each resume
    /// point so that a resume with other values is refused (<see cref="ResumeSettings"/>); null: the harness options only.
    /// </param>
    /// <exception cref="InvalidDataException">The resume point is damaged or belongs to another run configuration (the message names the file and the difference).</exception>
    public InteractiveTrainer(
        IEnv<TObs, TAct> env,
        IExpert<TObs, TAct> expert,
        Func<IEnv<TObs, TAct>> evalEnvFactory,
        IMethod method,
        TrainerOptions options,
        string? runDirectory = null,
        bool ownsMethod = false,
        ISafetyCriticalRule? safetyCritical = null,
        string? resumeFrom = null,
        IReadOnlyList<KeyValuePair<string, string>>? methodSettings = null)
    {
        _ownsMethod = ownsMethod;
        _safetyCritical = safetyCritical;
        _positioned = env as IPositioned;
        _criticalState = env as ISafetyCriticalState;
        _env = env ?? throw new ArgumentNullException(nameof(env));
        _expert = expert ?? throw new ArgumentNullException(nameof(expert));
        _gaussianExpert = expert as IGaussianExpert;
        _person = expert as IPersonExpert<TObs, TAct>;
        _onDemand = expert is IOnDemandExpert;
        Method = method ?? throw new ArgumentNullException(nameof(method));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        _settings = ResumeSettings.Of(options, methodSettings);
        var observationSpec = ObservationSpec.From(env.ObservationSpace, options.ObservationScale == ByteObservationScale.Divide255);
        var actionSpec = ActionSpec.From(env.ActionSpace);
        _codec = new Codec<TObs, TAct>(observationSpec, actionSpec, options.BlankedEntries());
        _evaluator = new Evaluator<TObs, TAct>(evalEnvFactory, _codec, options.EvalEpisodes);
        _context = new TrainingContext(
            observationSpec,
            actionSpec,
            new HacoBuffer(options.BufferCapacity, observationSpec.Size, actionSpec.Dimension),
            new HacoBuffer(options.BufferCapacity, observationSpec.Size, actionSpec.Dimension));
        _account = new TrainingAccount(safetyCritical, _criticalState is not null);
        _observation = new float[observationSpec.Size];
        _nextObservation = new float[observationSpec.Size];
        _robotAction = new float[actionSpec.Dimension];
        _expertAction = new float[actionSpec.Dimension];
        _expertMean = new float[_gaussianExpert is null ? 0 : actionSpec.Dimension];
        _expertStd = new float[_gaussianExpert is null ? 0 : actionSpec.Dimension];
        if (resumeFrom is not null)
        {
            ReadResumePoint(resumeFrom);
        }

        if (runDirectory is not null)
        {
            RunDirectory = Path.GetFullPath(runDirectory);
            RunPosition? position = resumeFrom is null ? null : new RunPosition(_history.Count, _account.Episodes, _context.EnvSteps);
            _log = new RunLog(RunDirectory, method.MetricNames, options.LogSteps, position);
            _observers.Add(_log);
            if (options.TensorBoard)
            {
                string board = Path.Combine(RunDirectory, "tensorboard");
                _observers.Add(resumeFrom is null ? new TensorBoardLog(board) : TensorBoardLog.Restart(board, _history, _log.Episodes.Path));
            }

            if (options.SaveData)
            {
                _recorder = StartDataset(RunDirectory, resumed: resumeFrom is not null);
            }
        }
        else if (options.SaveData)
        {
            throw new ArgumentException("SaveData writes the dataset into the run directory: give a run directory.", nameof(runDirectory));
        }
    }

    /// <summary>The training environment (read its state; stepping it would corrupt the run).</summary>
    public IEnv<TObs, TAct> Env => _env;

    /// <summary>The method being trained.</summary>
    public IMethod Method { get; }

    /// <summary>The harness options.</summary>
    public TrainerOptions Options { get; }

    /// <summary>The run directory (null when nothing is written).</summary>
    public string? RunDirectory { get; }

    /// <summary>Buffers, specs and counters shared with the method.</summary>
    public TrainingContext Context => _context;

    /// <summary>Environment steps so far.</summary>
    public long EnvSteps => _context.EnvSteps;

    /// <summary>Expert takeover cost so far (expert-controlled steps, warm-up included).</summary>
    public long ExpertCost => _context.ExpertSteps;

    /// <summary>Steps the expert watched: <see cref="ExpertCost"/> for robot-gated methods, every step otherwise.</summary>
    public long WallSteps => Method.IsRobotGated ? _context.ExpertSteps : _context.EnvSteps;

    /// <summary>The run's bookkeeping: episodes, switches, safety-critical decisions and misses.</summary>
    public TrainingAccount Account => _account;

    /// <summary>Training episodes finished.</summary>
    public int Episodes => _account.Episodes;

    /// <summary>Switches from robot to expert after warm-up.</summary>
    public long SwitchesToHuman => _account.SwitchesToHuman;

    /// <summary>Switches from expert back to robot.</summary>
    public long SwitchesToRobot => _account.SwitchesToRobot;

    /// <summary>Switches to the expert per robot-controlled gate decision (the realised δ).</summary>
    public double RealisedSwitchRate => _account.RealisedSwitchRate;

    /// <summary>True once the warm-up has run and the method has been initialised.</summary>
    public bool IsWarmedUp { get; private set; }

    /// <summary>True when the step or expert budget is spent.</summary>
    public bool IsFinished => _context.EnvSteps >= Options.TotalEnvSteps
        || (Options.ExpertBudget is int budget && _context.ExpertSteps >= budget);

    /// <summary>Every evaluation so far, in order.</summary>
    public IReadOnlyList<EvaluationPoint> History => _history;

    /// <summary>The best test success so far (NaN before the first evaluation).</summary>
    public double BestSuccess => _account.BestSuccess;

    /// <summary>
    /// Adds an observer: from now on it hears every step, episode start and end, and evaluation, after the observers
    /// added before it (the run log, when there is one, is first).
    /// </summary>
    public void AddObserver(ITrainingObserver observer) => _observers.Add(observer ?? throw new ArgumentNullException(nameof(observer)));

    /// <summary>Removes an observer added with <see cref="AddObserver"/>; returns false when it was not there.</summary>
    public bool RemoveObserver(ITrainingObserver observer) => _observers.Remove(observer);

    /// <summary>
    /// Warm-up: the expert controls the first <see cref="TrainerOptions.WarmUpSteps"/> steps (charged as expert cost),
    /// then the method fits its policy and gate to that data. Idempotent. A stop requested meanwhile
    /// (<see cref="RequestStop"/>) ends it before the fit: the trainer is then not warmed up.
    /// </summary>
    public void WarmUp()
    {
        if (IsWarmedUp)
        {
            return;
        }

        if (Options.Demonstrations.Length > 0 && _context.EnvSteps == 0 && _context.Human.TotalAdded == 0)
        {
            LoadDemonstrations();
        }

        while (_context.EnvSteps < Options.WarmUpSteps && !IsFinished && !_stopRequested)
        {
            StepOnce(warmUp: true);
        }

        if (_stopRequested)
        {
            return;
        }

        if (_context.Human.Count == 0)
        {
            throw new InvalidOperationException("The warm-up collected no expert data: set WarmUpSteps > 0 or give Demonstrations.");
        }

        AnnounceUpdate();

        Method.Initialize(_context);
        _lastUpdateLabels = _context.Human.TotalAdded;
        _lastUpdateStep = _context.EnvSteps;
        IsWarmedUp = true;
    }

    /// <summary>Runs <paramref name="steps"/> steps of shared control (updates and evaluations happen on schedule).</summary>
    /// <returns>The number of steps actually taken (fewer when the budget ends or a stop is requested).</returns>
    public int CollectSteps(int steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        WarmUp();
        long before = _context.EnvSteps;

        // Counted in environment steps: a step a stop request withheld was not taken.
        while (_context.EnvSteps - before < steps && !IsFinished && !_stopRequested)
        {
            StepOnce(warmUp: false);
        }

        return (int)(_context.EnvSteps - before);
    }

    /// <summary>Runs shared control until the current episode ends (or the budget does, or a stop is requested).</summary>
    /// <returns>The number of steps taken.</returns>
    public int CollectEpisode()
    {
        WarmUp();
        long before = _context.EnvSteps;
        int episodes = Episodes;
        while (Episodes == episodes && !IsFinished && !_stopRequested)
        {
            StepOnce(warmUp: false);
        }

        return (int)(_context.EnvSteps - before);
    }

    /// <summary>One learning update of the method now, whatever the schedule says.</summary>
    public void Update()
    {
        WarmUp();
        AnnounceUpdate();

        Method.Update(_context);
        _lastUpdateLabels = _context.Human.TotalAdded;
        _lastUpdateStep = _context.EnvSteps;
    }

    /// <summary>Evaluates the deterministic policy on the held-out seeds, logs the point and keeps the best checkpoint.</summary>
    public EvaluationPoint Evaluate()
    {
        foreach (ITrainingObserver observer in _observers)
        {
            observer.OnEvaluationStart();
        }

        EvaluationResult result = _evaluator.Run(Method.Actor, Options.EvalSeedStart);
        (EvaluationPoint point, bool isBest) = _account.Evaluated(_context, Method, result, WallSteps);
        _history.Add(point);
        _lastEvalClock = EvalClockNow;
        _resumePointDue = true;
        foreach (ITrainingObserver observer in _observers)
        {
            observer.OnEvaluation(point);
        }

        if (isBest && RunDirectory is not null)
        {
            CheckpointFolder.Replace(Path.Combine(RunDirectory, "checkpoints", "best"), Method.Save);
        }

        return point;
    }

    /// <summary>
    /// The whole run: warm-up, then shared control until the budget is spent or a stop is requested
    /// (<see cref="RequestStop"/>), evaluating every <see cref="TrainerOptions.EvalEvery"/> steps and at the end; saves
    /// the final checkpoint. A run stopped during the warm-up has no policy yet: it ends without an evaluation or
    /// checkpoint.
    /// </summary>
    /// <remarks>A live progress display follows the evaluations as an observer (<see cref="EvaluationProgress"/>).</remarks>
    public IReadOnlyList<EvaluationPoint> Train()
    {
        WarmUp();
        if (IsWarmedUp)
        {
            Collect();
        }

        _recorder?.Close();
        if (RunDirectory is not null)
        {
            if (IsWarmedUp)
            {
                CheckpointFolder.Replace(Path.Combine(RunDirectory, "checkpoints", "final"), Method.Save);
            }

            // A finished (or deliberately stopped) run has nothing to resume; its resume point is the largest file of the run.
            File.Delete(ResumeFile!);
        }

        _log?.Flush();
        return _history;
    }

    /// <summary>The run after the warm-up: shared control with evaluations on schedule, and one at the last step.</summary>
    private void Collect()
    {
        if (_history.Count == 0)
        {
            Evaluate();
        }

        while (!IsFinished && !_stopRequested)
        {
            if (_resumePointDue && _needsReset && RunDirectory is not null && CanResume)
            {
                // Between episodes after an evaluation: what a killed run continues from (see SaveResumePoint).
                SaveResumePoint();
                _resumePointDue = false;
            }

            StepOnce(warmUp: false);
            if (Options.EvalEvery > 0 && EvalClockNow - _lastEvalClock >= Options.EvalEvery)
            {
                Evaluate();
            }
        }

        if (_account.LastEvaluationStep != _context.EnvSteps || _history.Count == 0)
        {
            Evaluate();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // A run stopped early (a play session's Stop, an exception) keeps the episode it was in, marked truncated.
        _recorder?.Close();
        _log?.Dispose();
        if (_ownsMethod)
        {
            Method.Dispose();
        }
    }

    /// <summary>Whether <see cref="TrainerOptions.UpdateEvery"/> new labels (or steps) have arrived since the last update.</summary>
    private bool IsUpdateDue() => Options.UpdateSchedule == UpdateSchedule.EnvSteps
        ? _context.EnvSteps - _lastUpdateStep >= Options.UpdateEvery
        : _context.Human.TotalAdded - _lastUpdateLabels >= Options.UpdateEvery;

    /// <summary>The count <see cref="TrainerOptions.EvalEvery"/> is measured in.</summary>
    private long EvalClockNow => Options.EvalClock == EvalClock.ExpertSteps ? _context.ExpertSteps : _context.EnvSteps;

    /// <summary>
    /// Whether the current state is safety-critical: the environment's own state rule when it has one (grid: lava
    /// ahead), else the task's rule on the expert's action (driving); null when the task has neither.
    /// </summary>
    /// <param name="expertAsked">False when the expert's action is not known yet (a person, not asked).</param>
    private bool? IsSafetyCritical(bool expertAsked) =>
        _criticalState?.IsSafetyCriticalState ?? (expertAsked ? _safetyCritical?.IsSafetyCritical(_expertAction) : null);

    /// <summary>
    /// Asks the expert for its action in the current state, keeps it (<see cref="_expertActionRaw"/>) and encodes it as
    /// the label (<see cref="_expertAction"/>). False when a person ended the session instead of answering: the run is
    /// then asked to stop, and this step is not taken.
    /// </summary>
    private bool TryAskExpert()
    {
        TAct expertAction;
        if (_person is null)
        {
            expertAction = _expert.Act(_rawObservation);
        }
        else if (!_person.TryAct(_rawObservation, out expertAction))
        {
            RequestStop();
            return false;
        }

        _expertActionRaw = expertAction;
        _codec.EncodeAction(expertAction, _expertAction);
        if (_gaussianExpert is not null)
        {
            // Offered to density-based human gates (PVP); a Gaussian expert acts on float[] observations.
            _gaussianExpert.Distribution((float[])(object)_rawObservation!, _expertMean, _expertStd);
            if (Options.ExpertLabel == ExpertLabel.Mean)
            {
                // The label is the expert's intent, clipped to the [−1, 1] box of the continuous tasks; the environment
                // still gets the executed sample below.
                for (int i = 0; i < _expertAction.Length; i++)
                {
                    _expertAction[i] = Math.Clamp(_expertMean[i], -1f, 1f);
                }
            }
        }

        return true;
    }

    /// <summary>Tells every observer that a learning update starts (a live page says so while it runs).</summary>
    private void AnnounceUpdate()
    {
        foreach (ITrainingObserver observer in _observers)
        {
            observer.OnUpdateStart();
        }
    }

    /// <summary>One step of shared control, by <see cref="StepRule"/> (the loop of the paper's Algorithm 1).</summary>
    private void StepOnce(bool warmUp)
    {
        _warmingUp = warmUp;
        StepRule(this);
    }
}
