using Aim.Core.Envs;
using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>The pieces of one step of shared control (<see cref="ISharedControl"/>), which <see cref="StepRule"/> orders.</summary>
public sealed partial class InteractiveTrainer<TObs, TAct>
{
    // The step in progress, between the pieces.
    private bool _warmingUp;
    private bool _expertAsked;
    private bool? _stepSafetyCritical;
    private AgentPose _pose;
    private Controller _decidedWith;
    private TAct _expertActionRaw = default!;
    private TAct _executed = default!;
    private StepResult<TObs>? _stepResult;

    /// <summary>
    /// The step of shared control every step of this run takes: <see cref="SharedControlLoop.Step"/> (the default), or
    /// another order of the same pieces, such as a course's loop exercise.
    /// </summary>
    public Action<ISharedControl> StepRule { get; set; } = SharedControlLoop.Step;

    /// <inheritdoc />
    bool ISharedControl.WarmingUp => _warmingUp;

    /// <inheritdoc />
    bool ISharedControl.StopRequested => _stopRequested;

    /// <inheritdoc />
    bool ISharedControl.UpdateDue => IsUpdateDue();

    /// <inheritdoc />
    bool ISharedControl.LearningStarted => Options.LearningStarts > 0 && _context.EnvSteps > Options.LearningStarts;

    /// <inheritdoc />
    void ISharedControl.BeginEpisodeIfNeeded()
    {
        if (!_needsReset)
        {
            return;
        }

        int? seed = Episodes == 0 && _context.EnvSteps == 0 ? Options.Seed : null;
        ResetResult<TObs> reset = _env.Reset(seed);
        _rawObservation = reset.Observation;
        _recorder?.Begin(reset.Observation, seed);
        _needsReset = false;
        _previous = _warmingUp ? Controller.Expert : Controller.Robot;
        foreach (ITrainingObserver observer in _observers)
        {
            observer.OnEpisodeStart(Episodes);
        }
    }

    /// <inheritdoc />
    void ISharedControl.ProposeRobotAction()
    {
        _codec.EncodeObservation(_rawObservation, _observation);
        Method.Actor.Act(_observation, 1, _robotAction);
        _stepResult = null;

        // Read before the step: where the decision is taken, and whether that state is safety-critical.
        _pose = _positioned is null ? AgentPose.Unknown : new AgentPose(_positioned.PositionX, _positioned.PositionY, _positioned.Heading);

        // A simulated expert is asked on every step, before the gate. A person is asked only when in control: first
        // when a robot-gated method's hand-back rule needs the person's action, otherwise after the gate chose them.
        bool ask = !_onDemand || _warmingUp || (Method.IsRobotGated && _previous == Controller.Expert);
        _expertAsked = ask && TryAskExpert();
        if (!_expertAsked)
        {
            Array.Fill(_expertAction, float.NaN);
        }

        _stepSafetyCritical = _warmingUp ? null : IsSafetyCritical(_expertAsked);
    }

    /// <inheritdoc />
    GateDecision ISharedControl.Decide()
    {
        _decidedWith = _previous;
        if (_stopRequested)
        {
            // A person left while asked for the hand-back rule's action: the gate has nothing to compare, and the step
            // will not be taken (the loop stops before executing it), so no one is consulted or told.
            return new GateDecision(_previous, GateReasons.Stopped, double.NaN);
        }

        GateDecision decision = _warmingUp
            ? new GateDecision(Controller.Expert, GateReasons.WarmUp, double.NaN)
            : Method.Decide(GateInputNow());
        TrainingDecision announced = Announced(decision);
        foreach (ITrainingObserver observer in _observers)
        {
            observer.OnDecision(announced);
        }

        // A person follows the robot's steps at their own pace, and may end the session while watching.
        if (decision.Controller == Controller.Robot && _person is not null && !_person.WatchRobotStep())
        {
            RequestStop();
        }

        return decision;
    }

    /// <inheritdoc />
    void ISharedControl.AskExpert()
    {
        // A person who has left is not asked again.
        if (!_expertAsked && !_stopRequested)
        {
            _expertAsked = TryAskExpert();
        }
    }

    /// <inheritdoc />
    void ISharedControl.Execute(Controller actor)
    {
        if (_stopRequested)
        {
            throw new InvalidOperationException("The run was asked to stop before this step's action was executed: a step returns without executing when StopRequested is true.");
        }

        if (actor == Controller.Expert && !_expertAsked)
        {
            throw new InvalidOperationException("The expert acts but was not asked for its action at this step: ask it (AskExpert) before executing.");
        }

        _executed = actor == Controller.Expert ? _expertActionRaw : _codec.DecodeAction(_robotAction);
        _stepResult = _env.Step(_executed);
        _codec.EncodeObservation(_stepResult.Value.Observation, _nextObservation);
    }

    /// <inheritdoc />
    void ISharedControl.Store(HacoBuffer buffer, bool intervention)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        StepResult<TObs> result = StepTaken();
        bool takeoverStart = intervention && (_decidedWith == Controller.Robot || (_warmingUp && _context.EnvSteps == 0));
        buffer.Add(
            _observation,
            _nextObservation,
            _robotAction,
            intervention ? _expertAction : _robotAction,
            intervention,
            interventionStart: takeoverStart,
            cost: intervention ? 1f : 0f,
            result.Terminated,
            result.Truncated,
            result.Info.IsSuccess);
    }

    /// <inheritdoc />
    void ISharedControl.Record(GateDecision decision)
    {
        StepResult<TObs> result = StepTaken();
        TrainingDecision announced = Announced(decision);
        _context.EnvSteps++;
        if (decision.Controller == Controller.Expert)
        {
            _context.ExpertSteps++;
        }

        if (!_warmingUp)
        {
            Method.OnStep(GateInputNow(), decision);
        }

        var step = new TrainingStep(
            announced,
            _expertAction,
            _expertAsked ? _codec.Action.Discrepancy(_robotAction, _expertAction) : double.NaN,
            result.Reward,
            _stepSafetyCritical,
            result.Done,
            result.Info.IsSuccess,
            _expertAsked);
        EpisodeEnd? ended = _account.Record(step);
        _recorder?.Step(_executed, result.Observation, result.Reward, result.Terminated, result.Truncated, step);
        foreach (ITrainingObserver observer in _observers)
        {
            observer.OnStep(step);
        }

        _rawObservation = result.Observation;
        if (ended is EpisodeEnd end)
        {
            _recorder?.End();
            foreach (ITrainingObserver observer in _observers)
            {
                observer.OnEpisodeEnd(end);
            }

            _needsReset = true;
            if (!_warmingUp)
            {
                Method.OnEpisodeEnd(_context);
            }
        }
    }

    /// <inheritdoc />
    void ISharedControl.HandControlTo(Controller next) => _previous = next;

    /// <inheritdoc />
    void ISharedControl.Learn()
    {
        if (_warmingUp)
        {
            // The policy imitates while the warm-up collects, so the robot actions stored with the warm-up's labels are
            // those of a policy already learning (the AIM MiniGrid code's learning_starts).
            AnnounceUpdate();
            Method.TrainDuringWarmUp(_context);
        }
        else
        {
            Update();
        }
    }

    /// <summary>
    /// The decision of the step in progress as observers hear it (before the step is counted): heard in
    /// <see cref="ISharedControl.Decide"/>, and carried by the step's <see cref="TrainingStep"/>.
    /// </summary>
    private TrainingDecision Announced(GateDecision decision) =>
        new(_context.EnvSteps + 1, Episodes, _warmingUp, _pose, _decidedWith, decision, _robotAction);

    /// <summary>The gate's view of the current step: the state, both actions and who was in control before it.</summary>
    private GateInput GateInputNow() => new(_observation, _robotAction, _expertAction, _decidedWith, _expertMean, _expertStd);

    /// <summary>The environment's answer to the executed action of this step.</summary>
    private StepResult<TObs> StepTaken() =>
        _stepResult ?? throw new InvalidOperationException("No action was executed at this step yet: execute one before storing or recording the step.");
}
