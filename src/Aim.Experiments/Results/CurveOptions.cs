namespace Aim.Experiments.Results;

/// <summary>How a run's evaluations are read between evaluation points.</summary>
public enum CurveInterpolation
{
    /// <summary>The last evaluation at or before x holds until the next (what the policy was known to achieve at x).</summary>
    StepHold,

    /// <summary>Linear between neighbouring evaluations.</summary>
    Linear,
}

/// <summary>What the band around a mean curve shows.</summary>
public enum BandKind
{
    /// <summary>Mean ± one sample standard deviation over seeds.</summary>
    Std,

    /// <summary>Mean ± the half-width of the t-based 95 % confidence interval of the mean.</summary>
    Ci95,
}

/// <summary>Options of <see cref="Curves.Align(ResultSet, string, string, CurveOptions?)"/>.</summary>
public sealed record CurveOptions
{
    /// <summary>Interpolation between evaluations. Default <see cref="CurveInterpolation.StepHold"/>.</summary>
    public CurveInterpolation Interpolation { get; init; } = CurveInterpolation.StepHold;

    /// <summary>Points of the common grid, evenly spaced from the smallest first x to the largest last x. Default 60.</summary>
    public int Points { get; init; } = 60;

    /// <summary>The band. Default <see cref="BandKind.Std"/>.</summary>
    public BandKind Band { get; init; } = BandKind.Std;

    /// <summary>
    /// Hold a run's last value beyond its last evaluation (default false: a run counts only inside its own x range, so
    /// the tail of a curve may rest on fewer seeds; <see cref="CurveBand.Count"/> says how many).
    /// </summary>
    public bool HoldLast { get; init; }
}
