using System.Diagnostics;

namespace Aim.Interactive;

/// <summary>
/// A value shown in a notebook cell and replaced in place as it changes, at most once per <see cref="MinInterval"/>.
/// </summary>
/// <remarks>
/// <para>In a kernel (and not in fast mode) the value is shown with <c>display(…)</c> and replaced with <c>Update</c>;
/// updates that arrive sooner than <see cref="MinInterval"/> after the last one are held back, and the newest held-back
/// value is shown by <see cref="Complete()"/>.</para>
/// <para>In fast mode (<c>AIM_FAST=1</c>) or outside a kernel the display is plain: string values are printed as lines
/// (at most one per <see cref="PlainLineInterval"/>, plus the final one); any other value (a chart, a table) is shown
/// once, when the display completes.</para>
/// </remarks>
public sealed class LiveDisplay : IDisposable
{
    private readonly object _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _inKernel;
    private object? _handle;
    private object? _latest;
    private bool _latestShown;
    private string? _lastLine;
    private TimeSpan _lastShownAt;
    private bool _completed;

    private LiveDisplay(TimeSpan minInterval)
    {
        if (minInterval < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minInterval), minInterval, "The interval must not be negative.");
        }

        MinInterval = minInterval;
        _inKernel = Notebook.IsInKernel;
        IsLive = _inKernel && !Notebook.IsFast;
    }

    /// <summary>The default shortest time between two visible updates: 250 ms.</summary>
    public static TimeSpan DefaultMinInterval { get; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The shortest time between two printed lines in plain mode: 1 s.</summary>
    public static TimeSpan PlainLineInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>The shortest time between two visible updates.</summary>
    public TimeSpan MinInterval { get; }

    /// <summary>True when updates replace the value in a notebook cell; false in plain mode.</summary>
    public bool IsLive { get; }

    /// <summary>The number of times a value was shown, updated or printed so far.</summary>
    public int ShownCount { get; private set; }

    /// <summary>Shows <paramref name="initial"/> and returns the handle for later updates.</summary>
    /// <param name="initial">The first value shown.</param>
    /// <param name="minInterval">The shortest time between two visible updates; default <see cref="DefaultMinInterval"/>.</param>
    public static LiveDisplay Show(object? initial, TimeSpan? minInterval = null)
    {
        var display = new LiveDisplay(minInterval ?? DefaultMinInterval);
        display.Start(initial);
        return display;
    }

    /// <summary>Replaces the shown value, unless the last update was shown less than <see cref="MinInterval"/> ago.</summary>
    public void Update(object? value)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _latest = value;
            _latestShown = false;
            TimeSpan interval = IsLive ? MinInterval : Max(MinInterval, PlainLineInterval);
            if (_clock.Elapsed - _lastShownAt >= interval)
            {
                ShowLatest(final: false);
            }
        }
    }

    /// <summary>Shows the newest value if it was held back; later updates are ignored. Idempotent.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            if (!_latestShown)
            {
                ShowLatest(final: true);
            }
        }
    }

    /// <summary>Shows <paramref name="final"/> as the last value; later updates are ignored.</summary>
    public void Complete(object? final)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }

            _latest = final;
            _latestShown = false;
        }

        Complete();
    }

    /// <summary>Same as <see cref="Complete()"/>.</summary>
    public void Dispose() => Complete();

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private void Start(object? initial)
    {
        lock (_gate)
        {
            _latest = initial;
            if (IsLive)
            {
                _handle = KernelBridge.Display(initial);
                _latestShown = true;
                _lastShownAt = _clock.Elapsed;
                ShownCount++;
            }
            else
            {
                ShowLatest(final: false);
            }
        }
    }

    private void ShowLatest(bool final)
    {
        if (IsLive)
        {
            KernelBridge.Update(_handle!, _latest);
            Shown();
            return;
        }

        if (_latest is string line)
        {
            if (line != _lastLine)
            {
                Console.WriteLine(line);
                _lastLine = line;
                Shown();
            }

            _latestShown = true;
            return;
        }

        // Plain mode: charts and tables are shown once, at the end.
        if (final && _latest is not null)
        {
            if (_inKernel)
            {
                KernelBridge.Display(_latest);
            }
            else
            {
                Console.WriteLine(_latest);
            }

            Shown();
        }
    }

    private void Shown()
    {
        _latestShown = true;
        _lastShownAt = _clock.Elapsed;
        ShownCount++;
    }
}
