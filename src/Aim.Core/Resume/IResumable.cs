namespace Aim.Core.Resume;

/// <summary>
/// A component whose state a resumed run restores: it writes everything that decides its future behaviour (counters,
/// generator states, stored data) and reads it back into a fresh instance built with the same options.
/// </summary>
/// <remarks>
/// A run writes its components in a fixed order into one <see cref="StateFile"/>; each component opens its part with
/// <see cref="StateWriter.Section"/> so that a file from another method, task or version fails at the first
/// mismatch, naming both sides. <see cref="ReadState"/> may leave the instance half-read when it throws: a resumed run
/// reads into instances it has just built and throws them away on failure.
/// </remarks>
public interface IResumable
{
    /// <summary>Writes the state that decides this component's future behaviour.</summary>
    void WriteState(StateWriter writer);

    /// <summary>Reads the state <see cref="WriteState"/> wrote into this freshly built instance.</summary>
    /// <exception cref="InvalidDataException">The state was written by another kind of component or configuration (the message names the difference).</exception>
    void ReadState(StateReader reader);
}
