using Aim.Core.Random;
using Aim.Core.Resume;

namespace Aim.Envs.Grid;

/// <summary>The env's part of a resumed run's state.</summary>
public sealed partial class GridEnv : IResumable
{
    /// <inheritdoc />
    /// <remarks>
    /// Written between episodes (a run's resume points lie at episode ends): the layout generator's stream, from which
    /// the next <see cref="Reset"/> draws. The running episode's layout is not written.
    /// </remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("grid-env");
        writer.Write(TaskName);
        _rng.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("grid-env");
        reader.Expect("the grid task", reader.ReadString(), TaskName);
        var rng = new Rng(0);
        rng.ReadState(reader);
        _rng = rng;
    }
}
