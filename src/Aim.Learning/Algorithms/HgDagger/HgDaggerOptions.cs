using Aim.Learning.Learners;
using Aim.Learning.Networks;

namespace Aim.Learning.Algorithms.HgDagger;

/// <summary>Options of HG-DAgger with a simulated human gate (Kelly et al., 2019; the gate of the AIM code's baseline).</summary>
public sealed record HgDaggerOptions
{
    /// <summary>
    /// Continuous actions: the human takes over when mean((a_r − a_h)²) exceeds this and hands back once it is within
    /// it. Default 0.2 (AIM code, "add table1" commit; an earlier commit used 0.05). Discrete actions ignore it: the
    /// human takes over whenever the actions differ (AIM MiniGrid code).
    /// </summary>
    public double Threshold { get; init; } = 0.2;

    /// <summary>The shared behaviour-cloning learner.</summary>
    public BcOptions Policy { get; init; } = new();

    /// <summary>Policy architecture (null: the shared default, <see cref="BcPolicyLearner.DefaultNetwork"/>).</summary>
    public NetworkOptions? PolicyNetwork { get; init; }

    /// <summary>
    /// HG-DAgger on the driving tasks: the shared driving learner (<see cref="BcOptions.Driving"/>) without bootstrap
    /// resampling, which is kept for the ensembles and AIM.
    /// </summary>
    public static HgDaggerOptions Driving { get; } = new() { Policy = BcOptions.Driving with { Bootstrap = false } };

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(Threshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "The HG-DAgger threshold must not be negative.");
        }

        Policy.Validate();
    }
}
