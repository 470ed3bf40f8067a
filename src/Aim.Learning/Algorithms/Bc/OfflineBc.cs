using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Spec;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Bc;

/// <summary>
/// The offline-data study (AIM paper, Fig. 6): behaviour cloning trained from scratch on the first N samples of a
/// method's human buffer, then evaluated on the held-out seeds. It asks how useful each method's expert data is.
/// </summary>
public static class OfflineBc
{
    /// <summary>A new buffer holding the oldest <paramref name="count"/> transitions of <paramref name="source"/>, in order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not in [1, source.Count].</exception>
    public static HacoBuffer FirstSamples(HacoBuffer source, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (count <= 0 || count > source.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Expected between 1 and the buffer's {source.Count} samples.");
        }

        var copy = new HacoBuffer(count, source.ObservationSize, source.ActionSize);
        for (int i = 0; i < count; i++)
        {
            int s = source.SlotOf(i);
            copy.Add(
                source.Observation(s),
                source.NextObservation(s),
                source.NoviceAction(s),
                source.BehaviourAction(s),
                source.Intervention(s),
                source.InterventionStart(s),
                source.Cost(s),
                source.Terminated(s),
                source.Truncated(s),
                source.Success(s));
        }

        return copy;
    }

    /// <summary>A fresh policy fitted with <see cref="BcOptions.InitialSteps"/> steps to the first <paramref name="count"/> samples.</summary>
    public static Policy Train(HacoBuffer human, int count, ObservationSpec observation, ActionSpec action, BcMethodOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        HacoBuffer data = FirstSamples(human, count);
        var policy = new Policy(observation, action, options.PolicyNetwork ?? BcPolicyLearner.DefaultNetwork(observation));
        using var learner = new BcLearner(policy, options.Policy, rng);
        learner.Train(data, options.Policy.InitialSteps);
        return policy;
    }

    /// <summary>Trains on the first <paramref name="count"/> samples and evaluates the policy on seeds <paramref name="seedStart"/> + i.</summary>
    /// <typeparam name="TObs">Observation type.</typeparam>
    /// <typeparam name="TAct">Action type.</typeparam>
    /// <param name="human">A method's human buffer (e.g. <c>trainer.Context.Human</c>).</param>
    /// <param name="count">N, the number of oldest samples used.</param>
    /// <param name="evalEnvFactory">Builds evaluation environments.</param>
    /// <param name="options">Learner options.</param>
    /// <param name="rng">Random stream of the batches.</param>
    /// <param name="episodes">Evaluation episodes. Default 50.</param>
    /// <param name="seedStart">First evaluation seed. Default 1000 (the harness's held-out seeds).</param>
    public static EvaluationResult TrainAndEvaluate<TObs, TAct>(
        HacoBuffer human,
        int count,
        Func<IEnv<TObs, TAct>> evalEnvFactory,
        BcMethodOptions options,
        Rng rng,
        int episodes = 50,
        int seedStart = 1_000)
    {
        ArgumentNullException.ThrowIfNull(evalEnvFactory);
        IEnv<TObs, TAct> probe = evalEnvFactory();
        var codec = new Codec<TObs, TAct>(ObservationSpec.From(probe.ObservationSpace), ActionSpec.From(probe.ActionSpace));
        using Policy policy = Train(human, count, codec.Observation, codec.Action, options, rng);
        return new Evaluator<TObs, TAct>(evalEnvFactory, codec, episodes).Run(policy, seedStart);
    }
}
