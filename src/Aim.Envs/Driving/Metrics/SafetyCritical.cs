namespace Aim.Envs.Driving.Metrics;

/// <summary>
/// AIM's safety-critical deviation metric (Fig. 5a): a state is safety-critical when the expert acts hard (steers or
/// brakes strongly), and a miss is such a state where the agent's action deviates far from the expert's.
/// </summary>
public static class SafetyCritical
{
    /// <summary>A state is safety-critical when mean(a_e²) exceeds this (AIM code: 0.2).</summary>
    public const double ExpertEnergyThreshold = 0.2;

    /// <summary>A miss needs mean((a − a_e)²) above this in a safety-critical state (AIM code: 0.1).</summary>
    public const double DeviationThreshold = 0.1;

    /// <summary>True when mean(a_e²) &gt; <paramref name="threshold"/> (default <see cref="ExpertEnergyThreshold"/>).</summary>
    /// <exception cref="ArgumentException">The action is empty.</exception>
    public static bool IsSafetyCritical(ReadOnlySpan<float> expertAction, double threshold = ExpertEnergyThreshold)
    {
        if (expertAction.IsEmpty)
        {
            throw new ArgumentException("The expert action is empty.", nameof(expertAction));
        }

        double sum = 0;
        foreach (float a in expertAction)
        {
            sum += (double)a * a;
        }

        return sum / expertAction.Length > threshold;
    }

    /// <summary>
    /// True when the state is safety-critical and mean((a − a_e)²) &gt; <paramref name="deviationThreshold"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The actions are empty or differ in length.</exception>
    public static bool IsMiss(
        ReadOnlySpan<float> agentAction,
        ReadOnlySpan<float> expertAction,
        double energyThreshold = ExpertEnergyThreshold,
        double deviationThreshold = DeviationThreshold)
    {
        if (agentAction.Length != expertAction.Length)
        {
            throw new ArgumentException($"The agent action has {agentAction.Length} entries and the expert action {expertAction.Length}.", nameof(agentAction));
        }

        if (!IsSafetyCritical(expertAction, energyThreshold))
        {
            return false;
        }

        double sum = 0;
        for (int i = 0; i < agentAction.Length; i++)
        {
            double d = (double)agentAction[i] - expertAction[i];
            sum += d * d;
        }

        return sum / agentAction.Length > deviationThreshold;
    }
}

/// <summary>The driving task's safety-critical rule as an <see cref="Aim.Core.Metrics.ISafetyCriticalRule"/> for the training harness.</summary>
public sealed class SafetyCriticalRule : Aim.Core.Metrics.ISafetyCriticalRule
{
    /// <summary>The rule with AIM's thresholds (0.2 and 0.1).</summary>
    public static SafetyCriticalRule Default { get; } = new();

    /// <inheritdoc />
    public bool IsSafetyCritical(ReadOnlySpan<float> expertAction) => SafetyCritical.IsSafetyCritical(expertAction);

    /// <inheritdoc />
    public bool IsMiss(ReadOnlySpan<float> agentAction, ReadOnlySpan<float> expertAction) => SafetyCritical.IsMiss(agentAction, expertAction);
}
