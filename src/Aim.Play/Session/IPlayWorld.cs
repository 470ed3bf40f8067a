namespace Aim.Play.Session;

/// <summary>What the page needs from the task's environment: pictures of the scene and names of actions.</summary>
internal interface IPlayWorld
{
    /// <summary>True for the driving tasks (held keys), false for the grid (one key per action).</summary>
    bool IsDriving { get; }

    /// <summary>The scene now, as a PNG data URL (the whole grid; the road around the car).</summary>
    string RenderScene();

    /// <summary>What the agent sees now, as a PNG data URL (the grid's 7 × 7 view); null when there is no such view.</summary>
    string? RenderView();

    /// <summary>An encoded action in words ("forward"; "steer 0.30 left, throttle 0.50").</summary>
    string ActionName(ReadOnlySpan<float> action);
}
