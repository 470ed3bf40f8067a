using Aim.Learning.Algorithms.Aim;

namespace Aim.Interactive.Inspection;

/// <summary>Single-state queries of a trained AIM method with discrete actions, for tables in notebooks.</summary>
public static class AimInspection
{
    /// <summary>Q^I(s, a) for every action a of encoded observation <paramref name="observation"/>.</summary>
    /// <exception cref="ArgumentException">The method's actions are continuous.</exception>
    public static double[] ActionValues(this AimMethod aim, ReadOnlySpan<float> observation)
    {
        ArgumentNullException.ThrowIfNull(aim);
        if (!aim.ProxyQ.Action.IsDiscrete)
        {
            throw new ArgumentException("ActionValues needs discrete actions; use PredictQ(observation, action) for continuous ones.", nameof(aim));
        }

        var values = new double[aim.ProxyQ.Action.Count];
        Span<float> action = stackalloc float[1];
        for (int a = 0; a < values.Length; a++)
        {
            action[0] = a;
            values[a] = aim.PredictQ(observation, action);
        }

        return values;
    }

    /// <summary>π_r(s) for encoded observation <paramref name="observation"/> (the index, for discrete actions).</summary>
    public static int RobotAction(this AimMethod aim, ReadOnlySpan<float> observation)
    {
        ArgumentNullException.ThrowIfNull(aim);
        Span<float> action = stackalloc float[aim.ProxyQ.Action.Dimension];
        aim.Policy.Act(observation, 1, action);
        return (int)action[0];
    }
}
