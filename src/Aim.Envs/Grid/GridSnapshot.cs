namespace Aim.Envs.Grid;

/// <summary>
/// A copy of a <see cref="GridEnv"/>'s episode state, from <see cref="GridEnv.CaptureState"/>; pass it back to
/// <see cref="GridEnv.CaptureState"/> to reuse its arrays.
/// </summary>
public sealed class GridSnapshot
{
    internal GridSnapshot(int cellCount, int observationLength)
    {
        Cells = new GridCell[cellCount];
        Observation = new byte[observationLength];
    }

    /// <summary>The agent's column.</summary>
    public int AgentX { get; internal set; }

    /// <summary>The agent's row.</summary>
    public int AgentY { get; internal set; }

    /// <summary>The agent's direction (0..3).</summary>
    public int AgentDirection { get; internal set; }

    /// <summary>The carried object, or <see cref="GridCell.Empty"/>.</summary>
    public GridCell Carrying { get; internal set; }

    /// <summary>Steps taken since reset.</summary>
    public int StepCount { get; internal set; }

    internal GridCell[] Cells { get; }

    internal byte[] Observation { get; }
}
