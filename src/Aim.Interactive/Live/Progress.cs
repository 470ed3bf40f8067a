using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Aim.Interactive;

/// <summary>
/// A throttled progress line for loops in notebook cells and scripts, e.g.
/// <c>train  [########------------]  80/200  40%  1.3 s  loss 0.412</c>.
/// </summary>
/// <remarks>
/// Built on <see cref="LiveDisplay"/>: in a kernel the line is updated in place at most every 250 ms; in fast mode
/// (<c>AIM_FAST=1</c>) or outside a kernel it is printed as plain lines, at most one per second plus the final one.
/// </remarks>
/// <example>
/// <code>
/// using var progress = Progress.Start("train", total: steps);
/// for (int i = 0; i &lt; steps; i++) { /* … */ progress.Report(i + 1, $"loss {loss:F3}"); }
/// </code>
/// </example>
public sealed class Progress : IDisposable
{
    private const int BarWidth = 20;

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly LiveDisplay _display;

    private Progress(string label, int total, TimeSpan? minInterval)
    {
        Label = label;
        Total = total;
        _display = LiveDisplay.Show(Render(), minInterval);
    }

    /// <summary>What is being counted.</summary>
    public string Label { get; }

    /// <summary>The number of units of work; 0 when unknown.</summary>
    public int Total { get; }

    /// <summary>The number of units done.</summary>
    public int Current { get; private set; }

    /// <summary>The free text shown after the counts (e.g. the latest loss).</summary>
    public string? Status { get; private set; }

    /// <summary>Time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Starts a progress line.</summary>
    /// <param name="label">What is being counted, e.g. <c>"train"</c>.</param>
    /// <param name="total">The number of units of work; 0 when unknown.</param>
    /// <param name="minInterval">The shortest time between two visible updates; default 250 ms.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="total"/> is negative.</exception>
    public static Progress Start(string label, int total, TimeSpan? minInterval = null)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        return new Progress(label, total, minInterval);
    }

    /// <summary>Records that <paramref name="current"/> units are done, with an optional status text.</summary>
    public void Report(int current, string? status = null)
    {
        Current = current;
        if (status is not null)
        {
            Status = status;
        }

        _display.Update(Render());
    }

    /// <summary>Records one more unit done.</summary>
    public void Increment(string? status = null) => Report(Current + 1, status);

    /// <summary>Shows the final line (with <paramref name="status"/> if given); later reports are ignored.</summary>
    public void Complete(string? status = null)
    {
        if (status is not null)
        {
            Status = status;
        }

        _display.Complete(Render());
    }

    /// <summary>Same as <see cref="Complete"/>.</summary>
    public void Dispose() => Complete();

    /// <inheritdoc />
    public override string ToString() => Render();

    private string Render()
    {
        var sb = new StringBuilder(Label);
        if (Total > 0)
        {
            double fraction = Math.Clamp((double)Current / Total, 0, 1);
            int filled = (int)Math.Round(fraction * BarWidth);
            sb.Append("  [").Append('#', filled).Append('-', BarWidth - filled).Append("]  ")
              .Append(CultureInfo.InvariantCulture, $"{Current}/{Total}  {fraction * 100:F0}%");
        }
        else
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {Current}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"  {_clock.Elapsed.TotalSeconds:F1} s");
        if (!string.IsNullOrEmpty(Status))
        {
            sb.Append("  ").Append(Status);
        }

        return sb.ToString();
    }
}
