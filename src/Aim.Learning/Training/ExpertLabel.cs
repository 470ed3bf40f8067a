namespace Aim.Learning.Training;

/// <summary>
/// Which action of a Gaussian expert (<c>IGaussianExpert</c>) the learner and the gates see: the one it executed or
/// the mean it intended. The environment always receives the executed, sampled action.
/// </summary>
public enum ExpertLabel
{
    /// <summary>
    /// The executed, sampled action (the AIM and PVP code store what the expert did): the stored label, AIM's +1 mask,
    /// the hand-back comparison and the miss metric all carry the expert's action noise.
    /// </summary>
    Sampled,

    /// <summary>
    /// The mean of the expert's action distribution, clipped to the action box: the label is the expert's intent, so a
    /// learner cannot fit the noise and a perfect policy is within ε of the expert. The executed action is unchanged.
    /// </summary>
    Mean,
}
