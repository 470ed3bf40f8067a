namespace Aim.Play.Session;

/// <summary>
/// What the person sends, handed from the page's connection threads to the training thread: grid actions, held
/// driving keys, pause and pace, the take-over key of human-gated methods, and stop. The training thread blocks here
/// while it waits for the person (or for a pause to end); <see cref="Stop"/> ends every wait, now or later, with false,
/// which the person expert passes on to the harness as the person's leaving (the run stops before the step changes
/// anything).
/// </summary>
internal sealed class PersonInput
{
    private readonly object _lock = new();
    private int? _gridAction;
    private bool _awaiting;
    private bool _answered;
    private bool _paused;
    private bool _stopped;
    private TimeSpan _delay;

    /// <summary>Creates the inbox with the robot's step delay.</summary>
    public PersonInput(TimeSpan delay) => _delay = delay;

    /// <summary>True while the training thread waits for the person.</summary>
    public bool IsAwaiting
    {
        get
        {
            lock (_lock)
            {
                return _awaiting;
            }
        }
    }

    /// <summary>True while paused.</summary>
    public bool IsPaused
    {
        get
        {
            lock (_lock)
            {
                return _paused;
            }
        }
    }

    /// <summary>True once stopped.</summary>
    public bool IsStopped
    {
        get
        {
            lock (_lock)
            {
                return _stopped;
            }
        }
    }

    /// <summary>The pause before each robot step.</summary>
    public TimeSpan Delay
    {
        get
        {
            lock (_lock)
            {
                return _delay;
            }
        }
    }

    /// <summary>True while the person holds control of a human-gated method (toggled by the take-over key).</summary>
    public bool HoldsControl { get; private set; }

    /// <summary>Held driving keys: −1, 0 or +1 (left is +1: positive steering turns left).</summary>
    public (int Steer, int Throttle) HeldKeys { get; private set; }

    /// <summary>Raised (on the sender's thread) whenever the state the page shows changes: pause, pace, control.</summary>
    public event Action? Changed;

    // ---- page side -------------------------------------------------------------------------------------------------

    /// <summary>A grid action from the person; false when the run is not waiting for one (the key is not used).</summary>
    public bool TryAct(int action) => TryAnswer(() => action);

    /// <summary>
    /// Answers the current wait for a grid action with <paramref name="choose"/>'s action, called under the inbox's lock
    /// so the training thread stays blocked (and the environment unchanged) while it reads the state. False when
    /// nothing waits or an answer is already in.
    /// </summary>
    public bool TryAnswer(Func<int> choose)
    {
        lock (_lock)
        {
            if (!_awaiting || _gridAction is not null)
            {
                return false;
            }

            _gridAction = choose();
            Monitor.PulseAll(_lock);
            return true;
        }
    }

    /// <summary>The driving keys now held; any key held answers a request for help.</summary>
    public void SetKeys(int steer, int throttle)
    {
        lock (_lock)
        {
            HeldKeys = (steer, throttle);
            if (steer != 0 || throttle != 0)
            {
                _answered = true;
                Monitor.PulseAll(_lock);
            }
        }
    }

    /// <summary>Pauses or resumes the robot's steps.</summary>
    public void SetPaused(bool paused)
    {
        lock (_lock)
        {
            _paused = paused;
            Monitor.PulseAll(_lock);
        }

        Changed?.Invoke();
    }

    /// <summary>Sets the pause before each robot step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or longer than <see cref="PlayOptions.MaxStepDelay"/>.</exception>
    public void SetDelay(TimeSpan delay)
    {
        if (delay < TimeSpan.Zero || delay > PlayOptions.MaxStepDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, $"The step delay must be between 0 and {PlayOptions.MaxStepDelay.TotalMilliseconds} ms.");
        }

        lock (_lock)
        {
            _delay = delay;
            Monitor.PulseAll(_lock);
        }

        Changed?.Invoke();
    }

    /// <summary>The take-over key: the person takes control, or gives it back.</summary>
    public void ToggleControl()
    {
        lock (_lock)
        {
            HoldsControl = !HoldsControl;
            Monitor.PulseAll(_lock);
        }

        Changed?.Invoke();
    }

    /// <summary>Stops the session: every wait, now or later, ends at once and returns false.</summary>
    public void Stop()
    {
        lock (_lock)
        {
            _stopped = true;
            Monitor.PulseAll(_lock);
        }

        Changed?.Invoke();
    }

    // ---- training-thread side --------------------------------------------------------------------------------------

    /// <summary>
    /// Blocks until the person sends a grid action, then gives it. <paramref name="announce"/> runs once the inbox
    /// accepts the action (so a quick answer to the announcement is never lost) and before the wait, outside the lock.
    /// </summary>
    /// <returns>True with the person's action; false when the session was stopped instead.</returns>
    public bool TryWaitForGridAction(out int action, Action? announce = null)
    {
        lock (_lock)
        {
            _gridAction = null;
            _awaiting = true;
        }

        try
        {
            announce?.Invoke();
            lock (_lock)
            {
                while (_gridAction is null && !_stopped)
                {
                    Monitor.Wait(_lock);
                }

                // An answer that came in with the stop is not used: the session ends before the step.
                action = _gridAction ?? 0;
                return !_stopped;
            }
        }
        finally
        {
            lock (_lock)
            {
                _awaiting = false;
                _gridAction = null;
            }
        }
    }

    /// <summary>
    /// Blocks until the person holds a driving key (the answer to a request for help: the simulation does not run on
    /// while nobody has reacted). <paramref name="announce"/> as in <see cref="TryWaitForGridAction"/>.
    /// </summary>
    /// <returns>True once the person answered; false when the session was stopped instead.</returns>
    public bool TryWaitForAnswer(Action? announce = null)
    {
        lock (_lock)
        {
            _answered = HeldKeys.Steer != 0 || HeldKeys.Throttle != 0;
            _awaiting = true;
        }

        try
        {
            announce?.Invoke();
            lock (_lock)
            {
                while (!_answered && !_stopped)
                {
                    Monitor.Wait(_lock);
                }

                return !_stopped;
            }
        }
        finally
        {
            lock (_lock)
            {
                _awaiting = false;
            }
        }
    }

    /// <summary>Waits <paramref name="interval"/>, longer while paused.</summary>
    /// <returns>True once the time has passed; false, at once, when the session was stopped.</returns>
    public bool Pace(TimeSpan interval)
    {
        lock (_lock)
        {
            DateTime until = DateTime.UtcNow + interval;
            while (true)
            {
                if (_stopped)
                {
                    return false;
                }

                if (_paused)
                {
                    Monitor.Wait(_lock);
                    until = DateTime.UtcNow + interval;
                    continue;
                }

                TimeSpan left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return true;
                }

                Monitor.Wait(_lock, left);
            }
        }
    }

    /// <summary>Waits the robot's step delay (see <see cref="Pace"/>).</summary>
    public bool PaceRobotStep() => Pace(Delay);
}
