using Aim.Core.Envs;
using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Aim;

/// <summary>Builds an AIM run on the shared harness: the entry point for notebooks that drive AIM one phase per cell.</summary>
public static class AimTrainer
{
    /// <summary>
    /// Seeds TorchSharp with <see cref="TrainerOptions.Seed"/>, builds <see cref="AimMethod"/> for the environment's
    /// spaces and returns the trainer that owns it (dispose the trainer when done).
    /// </summary>
    public static InteractiveTrainer<TObs, TAct> Create<TObs, TAct>(
        IEnv<TObs, TAct> env,
        IExpert<TObs, TAct> expert,
        Func<IEnv<TObs, TAct>> evalEnvFactory,
        AimOptions options,
        TrainerOptions trainer,
        string? runDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(trainer);
        TorchRuntime.Initialize();
        TorchRuntime.Seed(trainer.Seed);
        var method = new AimMethod(ObservationSpec.From(env.ObservationSpace), ActionSpec.From(env.ActionSpace), options, new Rng(trainer.Seed).Split());
        return new InteractiveTrainer<TObs, TAct>(env, expert, evalEnvFactory, method, trainer, runDirectory, ownsMethod: true);
    }
}
