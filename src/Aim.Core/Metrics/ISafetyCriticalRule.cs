namespace Aim.Core.Metrics;

/// <summary>
/// Which states are safety-critical and when the agent's proposal there counts as a miss
/// (docs/decisions.md#safety-critical-states). For driving, the paper's rule: a hard expert steer or brake,
/// mean(a_e²) &gt; 0.2, and a deviation mean((a − a_e)²) &gt; 0.1.
/// </summary>
public interface ISafetyCriticalRule
{
    /// <summary>True when the expert's action marks the state as safety-critical.</summary>
    bool IsSafetyCritical(ReadOnlySpan<float> expertAction);

    /// <summary>True when the state is safety-critical and the agent's action deviates from the expert's.</summary>
    bool IsMiss(ReadOnlySpan<float> agentAction, ReadOnlySpan<float> expertAction);
}
