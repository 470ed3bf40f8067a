namespace Aim.Learning.Training;

/// <summary>
/// The harness's metric keys, the column names of a run's metrics.csv and its TensorBoard tags (namespaced by what they
/// measure: <c>rollout/</c> collection, <c>gate/</c> switching, <c>eval/</c> evaluation; docs/learning.md).
/// </summary>
public static class MetricNames
{
    /// <summary>Environment steps so far, warm-up included.</summary>
    public const string EnvSteps = "env_steps";

    /// <summary>Expert takeover cost: expert-controlled steps so far, warm-up included.</summary>
    public const string ExpertCost = "expert_cost";

    /// <summary>Steps the expert had to watch: the takeover cost for robot-gated methods, every step for human-gated ones.</summary>
    public const string WallSteps = "wall_steps";

    /// <summary>Training episodes finished.</summary>
    public const string Episodes = "episodes";

    /// <summary>Wall-clock seconds since the trainer was created.</summary>
    public const string TimeSeconds = "time_s";

    /// <summary>Fraction of all steps controlled by the expert.</summary>
    public const string InterventionRate = "rollout/intervention_rate";

    /// <summary>Fraction of the steps since the previous evaluation controlled by the expert.</summary>
    public const string RecentInterventionRate = "rollout/recent_intervention_rate";

    /// <summary>Switches from robot to expert after warm-up.</summary>
    public const string SwitchesToHuman = "gate/switches_to_human";

    /// <summary>Switches from expert back to robot.</summary>
    public const string SwitchesToRobot = "gate/switches_to_robot";

    /// <summary>Switches to the expert per robot-controlled decision (compare with the target δ or α).</summary>
    public const string RealisedSwitchRate = "gate/realised_switch_rate";

    /// <summary>The method's target switch rate (δ for AIM, α for Thrifty).</summary>
    public const string TargetSwitchRate = "gate/target_switch_rate";

    /// <summary>Safety-critical states met after warm-up (tasks with a safety-critical rule, docs/decisions.md#safety-critical-states).</summary>
    public const string SafetyCriticalSteps = "rollout/safety_critical_steps";

    /// <summary>Safety-critical states where the robot's proposal deviated from the expert (misses) after warm-up.</summary>
    public const string Misses = "rollout/misses";

    /// <summary>Misses per safety-critical state since the previous evaluation (the safety-critical deviation ratio).</summary>
    public const string MissRate = "rollout/miss_rate";

    /// <summary>Test success rate of the deterministic policy.</summary>
    public const string EvalSuccess = "eval/success";

    /// <summary>Mean test return.</summary>
    public const string EvalReturn = "eval/return";

    /// <summary>Mean test episode length.</summary>
    public const string EvalLength = "eval/length";

    /// <summary>Mean test safety cost.</summary>
    public const string EvalCost = "eval/cost";

    /// <summary>Mean test route completion.</summary>
    public const string EvalRouteCompletion = "eval/route_completion";

    /// <summary>The harness's columns of metrics.csv, in order.</summary>
    public static IReadOnlyList<string> Harness { get; } = new[]
    {
        EnvSteps, ExpertCost, WallSteps, Episodes, TimeSeconds, InterventionRate, RecentInterventionRate,
        SwitchesToHuman, SwitchesToRobot, RealisedSwitchRate, TargetSwitchRate, SafetyCriticalSteps, Misses, MissRate,
        SafetyCriticalDecisions, OtherDecisions, RequestRateSafetyCritical, RequestRateOther, ScoreSafetyCritical, ScoreOther,
        EvalSuccess, EvalReturn, EvalLength, EvalCost, EvalRouteCompletion,
    };

    /// <summary>
    /// Robot decisions taken in safety-critical states (the environment's state rule, e.g. lava directly ahead on the
    /// grid; otherwise the task's expert-action rule), cumulative since the warm-up.
    /// </summary>
    public const string SafetyCriticalDecisions = "gate/decisions_safety_critical";

    /// <summary>Robot decisions taken elsewhere, cumulative since the warm-up.</summary>
    public const string OtherDecisions = "gate/decisions_other";

    /// <summary>Fraction of robot decisions in safety-critical states that asked for help (cumulative): AIM's signature.</summary>
    public const string RequestRateSafetyCritical = "gate/request_rate_safety_critical";

    /// <summary>Fraction of robot decisions elsewhere that asked for help (cumulative).</summary>
    public const string RequestRateOther = "gate/request_rate_other";

    /// <summary>
    /// Mean gate score of robot decisions in safety-critical states (cumulative): Q^I(s, a_r) for AIM, the novelty
    /// for Thrifty-DAgger and Ensemble-DAgger, the discrepancy or density for human gates.
    /// </summary>
    public const string ScoreSafetyCritical = "gate/score_safety_critical";

    /// <summary>Mean gate score of robot decisions elsewhere (cumulative).</summary>
    public const string ScoreOther = "gate/score_other";
}
