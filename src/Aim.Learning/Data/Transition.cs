namespace Aim.Learning.Data;

/// <summary>Who acted on a step of shared control.</summary>
public enum Controller
{
    /// <summary>The learning agent (novice) acted.</summary>
    Robot,

    /// <summary>The expert (simulated human) acted: a takeover step.</summary>
    Expert,
}
