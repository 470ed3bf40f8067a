namespace Aim.Course;

/// <summary>The course's exercises, in teaching order. Each is cut from the library between solution markers
/// (<c>// &lt;solution exercise="ID"&gt;</c> … <c>// &lt;/solution&gt;</c>).</summary>
public static class CourseExercises
{
    /// <summary>Every exercise.</summary>
    public static IReadOnlyList<CourseExercise> All { get; } =
    [
        new(
            "beta",
            "β as the (1 − δ)-quantile of recent Q^I values",
            "Return β, the (1 − δ)-quantile of the robot-step values, so that Q^I(s, a_r) > β on a fraction δ of such "
            + "steps. Quantiles.Quantile(values, q) (linear interpolation, as numpy) is given.",
            "src/Aim.Learning/Algorithms/Aim/AimGate.cs",
            "Exercises/Beta.cs"),
        new(
            "gate",
            "the AIM gate decision and the ε switch-back",
            "AsksForHelp: with the robot in control, ask for help exactly when Q^I(s, a_r) is above β. HandsBack: with "
            + "the expert in control, hand back exactly when the discrepancy between a_r and a_h is within ε.",
            "src/Aim.Learning/Algorithms/Aim/AimGate.cs",
            "Exercises/Gate.cs"),
        new(
            "aim-loss",
            "the AIM loss with its +1/−1 masks",
            "Regression: J_AIM = E[(Q(s, a_h) + 1)²] + E[f · (Q(s, a_r) − 1)²] over the batch; PositiveTerm: the second "
            + "term, masked per sample (f = 1 where a_r deviates from a_h) before the mean.",
            "src/Aim.Learning/Algorithms/Aim/AimLoss.cs",
            "Exercises/AimLossTerms.cs"),
        new(
            "td-target",
            "the TD target",
            "Return y = r + γ (1 − d) V̂(s′) per sample: no bootstrap past a terminal state (d = 1).",
            "src/Aim.Learning/Algorithms/Aim/AimLoss.cs",
            "Exercises/TdTarget.cs"),
        new(
            "thrifty-thresholds",
            "Thrifty-DAgger's novelty and risk thresholds",
            "NoveltyThresholdOf: β_H, the (1 − α)-quantile of recent novelties (a fraction α count as novel). "
            + "RiskThresholdOf: ε_H, the α-quantile of recent Q_risk values (a fraction α count as risky).",
            "src/Aim.Learning/Algorithms/Thrifty/ThriftyGate.cs",
            "Exercises/ThriftyThresholds.cs"),
        new(
            "loop",
            "one full interactive-learning loop",
            "Step: one step of shared control from the pieces ISharedControl gives (each documented there): start an "
            + "episode if needed, let the robot propose a_r, let the gate decide who acts, execute the actor's action "
            + "(ask the expert first when it acts; take no action when the run was asked to stop by then), store the step in the right buffer, record it, pass control (a "
            + "hand-back takes effect from the next step) and learn when due (in the warm-up once learning has "
            + "started, after it when an update is due). The check runs a seeded AIM run through your Step and "
            + "through the library's: they must be the same run.",
            "src/Aim.Learning/Training/SharedControlLoop.cs",
            "Exercises/Loop.cs"),
    ];

    /// <summary>The exercise named <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No exercise has that name; the message lists them.</exception>
    public static CourseExercise Get(string id) =>
        All.FirstOrDefault(e => e.Id == id)
        ?? throw new ArgumentException($"Unknown exercise '{id}'; expected one of {string.Join(", ", All.Select(e => e.Id))}.", nameof(id));
}
