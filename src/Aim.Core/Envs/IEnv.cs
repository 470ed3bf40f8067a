using Aim.Core.Spaces;

namespace Aim.Core.Envs;

/// <summary>
/// An episodic environment with Gymnasium semantics in C# idiom.
/// </summary>
/// <typeparam name="TObs">Observation type.</typeparam>
/// <typeparam name="TAct">Action type.</typeparam>
/// <remarks>
/// <para><see cref="Reset"/> with a seed fixes the environment's random stream; with null it continues the stream,
/// so seeding once per run and resetting with null afterwards reproduces a sequence of episodes.</para>
/// <para>Array observations may be buffers owned by the environment and overwritten by the next call: copy one to keep
/// it (replay buffers copy on insert).</para>
/// </remarks>
public interface IEnv<TObs, TAct>
{
    /// <summary>The set of observations the environment emits.</summary>
    ISpace<TObs> ObservationSpace { get; }

    /// <summary>The set of actions the environment accepts; <see cref="Step"/> throws for any other.</summary>
    ISpace<TAct> ActionSpace { get; }

    /// <summary>Starts a new episode.</summary>
    /// <param name="seed">Re-seeds the environment's random stream when given; continues it when null.</param>
    ResetResult<TObs> Reset(int? seed = null);

    /// <summary>Applies <paramref name="action"/> and advances one step.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The action is outside <see cref="ActionSpace"/>.</exception>
    /// <exception cref="InvalidOperationException">Called before the first <see cref="Reset"/>.</exception>
    StepResult<TObs> Step(TAct action);

    /// <summary>Draws the current state as an RGB frame a notebook or report can show.</summary>
    RgbFrame Render();
}
