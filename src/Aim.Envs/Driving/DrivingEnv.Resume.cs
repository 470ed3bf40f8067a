using Aim.Core.Random;
using Aim.Core.Resume;

namespace Aim.Envs.Driving;

/// <summary>The environment's part of a resumed run's state.</summary>
public sealed partial class DrivingEnv : IResumable
{
    /// <inheritdoc />
    /// <remarks>
    /// Written between episodes (a run's resume points lie at episode ends): the stream the next <see cref="Reset"/>
    /// draws its map from, and the episode count (the expert keys its plans on it). Maps are rebuilt from their seeds;
    /// traffic restarts with each map. The running episode's physics are not written.
    /// </remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("driving-env");
        writer.Write(_options.Maps.StartSeed);
        writer.Write(_options.Maps.Count);
        writer.Write(EpisodeCount);
        _rng.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("driving-env");
        reader.Expect("the first training map", reader.ReadInt32(), _options.Maps.StartSeed);
        reader.Expect("the number of training maps", reader.ReadInt32(), _options.Maps.Count);
        EpisodeCount = reader.ReadInt64();
        var rng = new Rng(0);
        rng.ReadState(reader);
        _rng = rng;
    }
}
