namespace Aim.Learning.Algorithms.Aim;

/// <summary>
/// The pieces of AIM's switching rule that <see cref="AimGate"/> applies: the help request, the ε switch-back and β's
/// refit. The library's are <see cref="Library"/>; a course swaps in a student's to train with it.
/// </summary>
/// <param name="AsksForHelp">Robot in control: (Q^I(s, a_r), β) → ask for help.</param>
/// <param name="HandsBack">Expert in control: (discrepancy, ε) → hand control back.</param>
/// <param name="BetaOf">(recent robot-step Q^I values, δ) → β.</param>
public sealed record AimGateRule(
    Func<double, double, bool> AsksForHelp,
    Func<double, double, bool> HandsBack,
    Func<IReadOnlyCollection<double>, double, double> BetaOf)
{
    /// <summary>The library's rule: <see cref="AimGate.AsksForHelp"/>, <see cref="AimGate.HandsBack"/>, <see cref="AimGate.BetaOf"/>.</summary>
    public static AimGateRule Library { get; } = new(AimGate.AsksForHelp, AimGate.HandsBack, AimGate.BetaOf);
}
