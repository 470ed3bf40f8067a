namespace Aim.Core.Metrics;

/// <summary>
/// An environment that can tell whether its current state is safety-critical from the state itself (on the grid:
/// lava directly ahead). The training harness then logs how often the robot asks for help in such states against
/// elsewhere: the paper reports AIM asking more often in safety-critical states (docs/decisions.md#safety-critical-states
/// says where it is measured on the grid). Environments without such a rule rely on an
/// <see cref="ISafetyCriticalRule"/> over the expert's action instead (driving).
/// </summary>
public interface ISafetyCriticalState
{
    /// <summary>True when the current state is safety-critical.</summary>
    bool IsSafetyCriticalState { get; }
}
