using Aim.Learning.Data;

namespace Aim.Learning.Training;

/// <summary>What a gate sees at one step of shared control.</summary>
/// <remarks>
/// The expert action is offered on every step so that human-gated rules (HG-DAgger, PVP) and the hand-back test can
/// use it. A robot-gated method must not read it while the robot is in control: the human is not watching then.
/// When the expert is Gaussian (<c>IGaussianExpert</c>), the harness also offers the mean and standard deviation of
/// its action distribution, so density-based human gates (PVP's simulated human) can be written as gates.
/// </remarks>
public readonly ref struct GateInput
{
    /// <summary>Creates the input (no expert distribution).</summary>
    public GateInput(ReadOnlySpan<float> observation, ReadOnlySpan<float> robotAction, ReadOnlySpan<float> expertAction, Controller previous)
        : this(observation, robotAction, expertAction, previous, default, default)
    {
    }

    /// <summary>Creates the input with the expert's action distribution (empty spans when it has none).</summary>
    public GateInput(
        ReadOnlySpan<float> observation,
        ReadOnlySpan<float> robotAction,
        ReadOnlySpan<float> expertAction,
        Controller previous,
        ReadOnlySpan<float> expertMean,
        ReadOnlySpan<float> expertStd)
    {
        Observation = observation;
        RobotAction = robotAction;
        ExpertAction = expertAction;
        Previous = previous;
        ExpertMean = expertMean;
        ExpertStd = expertStd;
    }

    /// <summary>The encoded observation s.</summary>
    public ReadOnlySpan<float> Observation { get; }

    /// <summary>The robot's proposed action a_r = π_r(s).</summary>
    public ReadOnlySpan<float> RobotAction { get; }

    /// <summary>The expert's action a_h in s.</summary>
    public ReadOnlySpan<float> ExpertAction { get; }

    /// <summary>Who controlled the previous step (the robot at the start of an episode).</summary>
    public Controller Previous { get; }

    /// <summary>Mean of the expert's Gaussian action distribution in s; empty when the expert exposes none.</summary>
    public ReadOnlySpan<float> ExpertMean { get; }

    /// <summary>Standard deviation of the expert's Gaussian action distribution in s; empty when the expert exposes none.</summary>
    public ReadOnlySpan<float> ExpertStd { get; }

    /// <summary>True when <see cref="ExpertMean"/> and <see cref="ExpertStd"/> are given.</summary>
    public bool HasExpertDistribution => !ExpertStd.IsEmpty;
}

/// <summary>A gate's decision for one step.</summary>
/// <param name="Controller">Who acts now.</param>
/// <param name="Reason">Why, in a few words (logged per step; use constants to avoid allocation).</param>
/// <param name="Score">The value the rule compared with its threshold (Q^I(s, a_r), novelty, discrepancy), NaN if none.</param>
/// <param name="Threshold">
/// What <paramref name="Score"/> was compared with at this step (AIM's β or ε, Thrifty's novelty, risk or discrepancy
/// threshold); NaN (default) when the rule has no single threshold.
/// </param>
/// <param name="HandsBackAfter">
/// The expert acts at this step and the robot takes control from the next one (the AIM MiniGrid code's hand-back: the
/// agreeing step is still an expert step). False (default): whoever acts now keeps control until the next decision.
/// </param>
public readonly record struct GateDecision(Controller Controller, string Reason, double Score, double Threshold = double.NaN, bool HandsBackAfter = false);

/// <summary>Reasons shared by the gates, as constants so the hot loop does not allocate.</summary>
public static class GateReasons
{
    /// <summary>Expert in control during warm-up.</summary>
    public const string WarmUp = "warm-up";

    /// <summary>The robot keeps control.</summary>
    public const string RobotContinues = "robot continues";

    /// <summary>The expert keeps control because the robot still disagrees.</summary>
    public const string ExpertContinues = "expert continues";

    /// <summary>The expert hands control back because the robot agrees.</summary>
    public const string HandBack = "hand back";

    /// <summary>The robot agrees: the expert still acts at this step and hands control back for the next one.</summary>
    public const string HandBackNext = "hand back next step";

    /// <summary>The run was asked to stop before the gate was consulted (a person left while asked): no one acts.</summary>
    public const string Stopped = "stopped";
}
