namespace Aim.Envs.Grid;

/// <summary>Options of a <see cref="GridEnv"/>; use <c>with</c> expressions for variants.</summary>
public sealed record GridEnvOptions
{
    /// <summary>
    /// Number of egocentric frames stacked in an observation (K). Default 4, as the AIM and PVP code
    /// (gymnasium <c>FrameStack(4)</c> + <c>ConcatenateChannel</c>). At reset the stack holds K copies of the reset frame.
    /// </summary>
    public int FrameStack { get; init; } = 4;

    /// <summary>
    /// Step limit overriding the task's own (MiniGrid's <c>max_steps</c>); null keeps the task's value
    /// (for example 4·size² for Empty, 120 for the AIM six-room task). Our decision: exposed for shorter studies.
    /// </summary>
    public int? MaxSteps { get; init; }

    /// <summary>
    /// Overrides MiniGrid's <c>see_through_walls</c> (true for Empty, false for the other tasks); null keeps the task's
    /// value. When true every cell of the 7×7 view is visible.
    /// </summary>
    public bool? SeeThroughWalls { get; init; }

    /// <summary>Side of one cell in <see cref="GridEnv.Render()"/>, in pixels. Default 32 (MiniGrid's default tile size).</summary>
    public int TileSize { get; init; } = 32;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (FrameStack < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FrameStack), FrameStack, "FrameStack must be at least 1.");
        }

        if (MaxSteps is int m && m < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSteps), m, "MaxSteps must be positive (or null for the task's limit).");
        }

        if (TileSize is < 4 or > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(TileSize), TileSize, "TileSize must lie in [4, 256] pixels.");
        }
    }
}
