using Aim.Learning.Data;
using Aim.Learning.Spec;

namespace Aim.Learning.Training;

/// <summary>What a method may use when it learns: the buffers, the specs and the step counters.</summary>
public sealed class TrainingContext
{
    /// <summary>Creates the context.</summary>
    public TrainingContext(ObservationSpec observation, ActionSpec action, HacoBuffer human, HacoBuffer agent)
    {
        Observation = observation;
        Action = action;
        Human = human;
        Agent = agent;
    }

    /// <summary>The observation spec.</summary>
    public ObservationSpec Observation { get; }

    /// <summary>The action spec.</summary>
    public ActionSpec Action { get; }

    /// <summary>B_h: every expert-controlled transition (warm-up included).</summary>
    public HacoBuffer Human { get; }

    /// <summary>B_r: every robot-controlled transition.</summary>
    public HacoBuffer Agent { get; }

    /// <summary>Environment steps taken so far.</summary>
    public long EnvSteps { get; internal set; }

    /// <summary>Expert-controlled steps so far (takeover cost, warm-up included).</summary>
    public long ExpertSteps { get; internal set; }
}
