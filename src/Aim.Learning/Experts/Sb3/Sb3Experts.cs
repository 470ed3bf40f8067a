using Aim.Core.Envs;
using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Core.Spaces;

namespace Aim.Learning.Experts.Sb3;

/// <summary>
/// Experts read from Stable-Baselines3 model zips, such as the AIM authors' own experts: a DQN on MiniGrid
/// (greedy, <see cref="Sb3QNetworkExpert"/>) and a PPO on MetaDrive (Gaussian, <see cref="Sb3GaussianExpert"/>).
/// </summary>
/// <remarks>
/// The zip's <c>policy.pth</c> (a PyTorch state dict) is read with TorchSharp.PyBridge; its <c>data</c> entry, when
/// present, gives the hidden-layer activation and the observation shape the model was trained on. Layer widths come from
/// the saved tensors; the observation and action sizes come from the environment, and every tensor must fit them
/// exactly. The experts are bound to nothing but the observation they are given.
/// </remarks>
public static class Sb3Experts
{
    /// <summary>
    /// Loads the greedy expert of an SB3 DQN zip (<c>MinigridCNN</c> features) for a grid environment whose observations
    /// are channel-first bytes (e.g. <c>GridEnv</c>'s (12, 7, 7) frame stack) and whose actions are <c>Discrete(n)</c>.
    /// </summary>
    /// <param name="zipPath">The SB3 zip.</param>
    /// <param name="env">The environment the expert will act in; only its spaces are read.</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="zipPath"/>.</exception>
    /// <exception cref="InvalidDataException">The zip has no <c>policy.pth</c>, holds another kind of policy, lacks a key,
    /// has a tensor of another shape, or was trained on observations of another shape.</exception>
    /// <exception cref="ArgumentException">The environment's spaces are not a rank-3 byte box and a discrete set starting at 0.</exception>
    public static Sb3QNetworkExpert LoadGrid(string zipPath, IEnv<byte[], int> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        if (env.ObservationSpace is not Box<byte> { Shape.Count: 3 } box)
        {
            throw new ArgumentException($"A DQN grid expert needs channel-first byte images; the environment observes {env.ObservationSpace}.", nameof(env));
        }

        if (env.ActionSpace is not Discrete { Start: 0 } discrete)
        {
            throw new ArgumentException($"A DQN grid expert needs actions Discrete(n); the environment takes {env.ActionSpace}.", nameof(env));
        }

        using Sb3Checkpoint checkpoint = Sb3Checkpoint.Read(zipPath);
        EnsureKind(checkpoint, Sb3PolicyKind.QNetwork, "a grid task");
        EnsureObservationShape(checkpoint, box.Shape);
        return Sb3QNetworkExpert.Create(checkpoint, box.Shape, discrete.N);
    }

    /// <summary>
    /// Loads the Gaussian expert of an SB3 PPO/A2C <c>MlpPolicy</c> zip for an environment with float-vector observations
    /// and box actions (e.g. <c>DrivingEnv</c>: 259 floats, 2 actions in [−1, 1]).
    /// </summary>
    /// <param name="zipPath">The SB3 zip.</param>
    /// <param name="env">The environment the expert will act in; only its spaces are read.</param>
    /// <param name="rng">The stream the action noise is drawn from (one draw per action entry per <c>Act</c>).</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="zipPath"/>.</exception>
    /// <exception cref="InvalidDataException">The zip has no <c>policy.pth</c>, holds another kind of policy, lacks a key,
    /// has a tensor of another shape, or was trained on observations of another size.</exception>
    /// <exception cref="ArgumentException">The environment's spaces are not a float vector and a float box.</exception>
    public static Sb3GaussianExpert LoadDriving(string zipPath, IEnv<float[], float[]> env, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(rng);
        if (env.ObservationSpace is not Box<float> { Shape.Count: 1 } observations)
        {
            throw new ArgumentException($"A Gaussian expert needs float-vector observations; the environment observes {env.ObservationSpace}.", nameof(env));
        }

        if (env.ActionSpace is not Box<float> { Shape.Count: 1 } actions)
        {
            throw new ArgumentException($"A Gaussian expert needs a box of float actions; the environment takes {env.ActionSpace}.", nameof(env));
        }

        using Sb3Checkpoint checkpoint = Sb3Checkpoint.Read(zipPath);
        EnsureKind(checkpoint, Sb3PolicyKind.GaussianActorCritic, "a continuous-action task");
        EnsureObservationShape(checkpoint, observations.Shape);
        return Sb3GaussianExpert.Create(checkpoint, observations.Size, actions.Low.ToArray(), actions.High.ToArray(), rng);
    }

    /// <summary>
    /// Loads the expert that fits <paramref name="env"/>: <see cref="LoadGrid"/> for byte observations and integer
    /// actions, <see cref="LoadDriving"/> for float vectors and float actions.
    /// </summary>
    /// <param name="zipPath">The SB3 zip.</param>
    /// <param name="env">The environment the expert will act in.</param>
    /// <param name="rng">The noise stream of a Gaussian expert (unused by a greedy one).</param>
    /// <exception cref="FileNotFoundException">No file at <paramref name="zipPath"/>.</exception>
    /// <exception cref="InvalidDataException">See <see cref="LoadGrid"/> and <see cref="LoadDriving"/>.</exception>
    /// <exception cref="NotSupportedException">The environment's observation and action types are another pair.</exception>
    public static IExpert<TObs, TAct> Load<TObs, TAct>(string zipPath, IEnv<TObs, TAct> env, Rng rng) => env switch
    {
        IEnv<byte[], int> grid => (IExpert<TObs, TAct>)(object)LoadGrid(zipPath, grid),
        IEnv<float[], float[]> continuous => (IExpert<TObs, TAct>)(object)LoadDriving(zipPath, continuous, rng),
        null => throw new ArgumentNullException(nameof(env)),
        _ => throw new NotSupportedException(
            $"SB3 experts act on byte-image/discrete or float-vector/continuous environments, not {typeof(TObs).Name}/{typeof(TAct).Name}."),
    };

    /// <summary>The kind of policy an SB3 zip holds, without building an expert.</summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="zipPath"/>.</exception>
    /// <exception cref="InvalidDataException">The zip has no readable <c>policy.pth</c>, or it holds neither kind.</exception>
    public static Sb3PolicyKind ReadKind(string zipPath)
    {
        using Sb3Checkpoint checkpoint = Sb3Checkpoint.Read(zipPath);
        return checkpoint.Kind;
    }

    private static void EnsureKind(Sb3Checkpoint checkpoint, Sb3PolicyKind expected, string task)
    {
        Sb3PolicyKind kind = checkpoint.Kind;
        if (kind != expected)
        {
            throw new InvalidDataException($"'{checkpoint.Path}' holds {Describe(kind)}; {task} needs {Describe(expected)}.");
        }
    }

    private static void EnsureObservationShape(Sb3Checkpoint checkpoint, IReadOnlyList<int> shape)
    {
        IReadOnlyList<int>? saved = checkpoint.Metadata.ObservationShape;
        if (saved is not null && !saved.SequenceEqual(shape))
        {
            throw new InvalidDataException(
                $"'{checkpoint.Path}' was trained on observations of shape [{string.Join(", ", saved)}]; the environment gives [{string.Join(", ", shape)}].");
        }
    }

    private static string Describe(Sb3PolicyKind kind) => kind switch
    {
        Sb3PolicyKind.QNetwork => "a DQN Q-network (discrete actions)",
        _ => "a Gaussian actor-critic policy (PPO/A2C MlpPolicy, continuous actions)",
    };
}
