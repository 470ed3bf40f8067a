using Aim.Core.Resume;
namespace Aim.Learning.Training;

/// <summary>
/// Counts the robot's gate decisions in safety-critical states and elsewhere, how many of each asked for help, and
/// the gate's mean score in each: whether a gate concentrates its requests where a mistake is costly (AIM's
/// signature; the paper's claim that Q^I identifies safety-critical states).
/// </summary>
public sealed class SafetyCriticalRequests : IResumable
{
    private readonly Kind _critical = new();
    private readonly Kind _other = new();

    /// <summary>Robot decisions in safety-critical states so far.</summary>
    public long CriticalDecisions => _critical.Decisions;

    /// <summary>Robot decisions elsewhere so far.</summary>
    public long OtherDecisions => _other.Decisions;

    /// <summary>Fraction of safety-critical decisions that asked for help (NaN before the first).</summary>
    public double CriticalRequestRate => _critical.RequestRate;

    /// <summary>Fraction of other decisions that asked for help (NaN before the first).</summary>
    public double OtherRequestRate => _other.RequestRate;

    /// <summary>Records one decision the robot took (the previous step was robot-controlled).</summary>
    /// <param name="safetyCritical">Whether the state was safety-critical.</param>
    /// <param name="askedForHelp">Whether the gate handed control to the expert.</param>
    /// <param name="score">The gate's score (NaN scores are counted but left out of the mean).</param>
    public void Record(bool safetyCritical, bool askedForHelp, double score)
    {
        Kind kind = safetyCritical ? _critical : _other;
        kind.Decisions++;
        if (askedForHelp)
        {
            kind.Requests++;
        }

        if (double.IsFinite(score))
        {
            kind.ScoreSum += score;
            kind.Scored++;
        }
    }

    /// <summary>Writes the cumulative counts, rates and mean scores under their <see cref="MetricNames"/>.</summary>
    public void Report(IDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics[MetricNames.SafetyCriticalDecisions] = _critical.Decisions;
        metrics[MetricNames.OtherDecisions] = _other.Decisions;
        metrics[MetricNames.RequestRateSafetyCritical] = _critical.RequestRate;
        metrics[MetricNames.RequestRateOther] = _other.RequestRate;
        metrics[MetricNames.ScoreSafetyCritical] = _critical.MeanScore;
        metrics[MetricNames.ScoreOther] = _other.MeanScore;
    }

    /// <inheritdoc />
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("safety-critical-requests");
        foreach (Kind kind in (ReadOnlySpan<Kind>)[_critical, _other])
        {
            writer.Write(kind.Decisions);
            writer.Write(kind.Requests);
            writer.Write(kind.ScoreSum);
            writer.Write(kind.Scored);
        }
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("safety-critical-requests");
        foreach (Kind kind in (ReadOnlySpan<Kind>)[_critical, _other])
        {
            kind.Decisions = reader.ReadInt64();
            kind.Requests = reader.ReadInt64();
            kind.ScoreSum = reader.ReadDouble();
            kind.Scored = reader.ReadInt64();
        }
    }

    private sealed class Kind
    {
        public long Decisions { get; set; }

        public long Requests { get; set; }

        public double ScoreSum { get; set; }

        public long Scored { get; set; }

        public double RequestRate => Decisions == 0 ? double.NaN : Requests / (double)Decisions;

        public double MeanScore => Scored == 0 ? double.NaN : ScoreSum / Scored;
    }
}
