using System.Collections;
using Aim.Core.Envs;
using Aim.Core.Random;

namespace Aim.Core.Checking;

/// <summary>
/// Checks that an environment honours the <see cref="IEnv{TObs, TAct}"/> contract, in the spirit of Gymnasium's
/// <c>check_env</c>: observations inside the space, reset determinism under a seed, step determinism, a clear error
/// for actions outside the action space, and an error for stepping before the first reset.
/// </summary>
public static class EnvChecker
{
    /// <summary>
    /// Runs every check on environments built by <paramref name="factory"/> (two instances are compared, so the
    /// factory must build fresh ones). Throws <see cref="EnvCheckException"/> listing every problem found.
    /// </summary>
    /// <param name="factory">Builds a fresh, un-reset environment.</param>
    /// <param name="seed">Seed of the episodes and of the random actions.</param>
    /// <param name="steps">Random steps taken per check (episodes are reset when they end).</param>
    public static void Check<TObs, TAct>(Func<IEnv<TObs, TAct>> factory, int seed = 0, int steps = 200)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var problems = new List<string>();
        CheckStepBeforeReset(factory(), problems);
        CheckResetDeterminism(factory(), seed, problems);
        CheckTrajectories(factory(), factory(), seed, steps, problems);
        CheckInvalidAction(factory(), seed, problems);
        if (problems.Count > 0)
        {
            throw new EnvCheckException(problems);
        }
    }

    private static void CheckStepBeforeReset<TObs, TAct>(IEnv<TObs, TAct> env, List<string> problems)
    {
        try
        {
            env.Step(env.ActionSpace.Sample(new Rng(0)));
            problems.Add("Step before Reset did not throw InvalidOperationException.");
        }
        catch (InvalidOperationException)
        {
        }
        catch (Exception e)
        {
            problems.Add($"Step before Reset threw {e.GetType().Name} instead of InvalidOperationException.");
        }
    }

    private static void CheckResetDeterminism<TObs, TAct>(IEnv<TObs, TAct> env, int seed, List<string> problems)
    {
        TObs first = Copy(env.Reset(seed).Observation);
        if (!env.ObservationSpace.Contains(first))
        {
            problems.Add($"The reset observation is outside the observation space: {env.ObservationSpace.Describe(first)}.");
        }

        // Take a few steps so that any state the env forgets to reset would show.
        var rng = new Rng(seed);
        for (int i = 0; i < 5; i++)
        {
            if (env.Step(env.ActionSpace.Sample(rng)).Done)
            {
                break;
            }
        }

        TObs second = Copy(env.Reset(seed).Observation);
        if (!AreEqual(first, second))
        {
            problems.Add($"Reset(seed: {seed}) twice gave different observations.");
        }
    }

    private static void CheckTrajectories<TObs, TAct>(IEnv<TObs, TAct> a, IEnv<TObs, TAct> b, int seed, int steps, List<string> problems)
    {
        var actions = new Rng(seed + 1);
        TObs oa = a.Reset(seed).Observation;
        TObs ob = b.Reset(seed).Observation;
        if (!AreEqual(oa, ob))
        {
            problems.Add($"Two environments reset with seed {seed} gave different observations.");
            return;
        }

        for (int t = 0; t < steps; t++)
        {
            TAct action = a.ActionSpace.Sample(actions);
            if (!a.ActionSpace.Contains(action))
            {
                problems.Add($"ActionSpace.Sample returned an action outside the action space: {a.ActionSpace.Describe(action)}.");
                return;
            }

            StepResult<TObs> ra = a.Step(action);
            StepResult<TObs> rb = b.Step(action);
            if (!a.ObservationSpace.Contains(ra.Observation))
            {
                problems.Add($"Step {t}: observation outside the observation space: {a.ObservationSpace.Describe(ra.Observation)}.");
                return;
            }

            if (!AreEqual(ra.Observation, rb.Observation) || !ra.Reward.Equals(rb.Reward)
                || ra.Terminated != rb.Terminated || ra.Truncated != rb.Truncated || ra.Info != rb.Info)
            {
                problems.Add($"Step {t}: the same seed and actions gave different results (step determinism).");
                return;
            }

            if (double.IsNaN(ra.Reward) || double.IsInfinity(ra.Reward))
            {
                problems.Add($"Step {t}: reward {ra.Reward} is not finite.");
                return;
            }

            if (ra.Done)
            {
                // Continue the episode sequence without a seed: both streams must stay in step.
                oa = a.Reset().Observation;
                ob = b.Reset().Observation;
                if (!AreEqual(oa, ob))
                {
                    problems.Add($"Step {t}: Reset() without a seed after a seeded reset diverged between two equal environments.");
                    return;
                }
            }
        }
    }

    private static void CheckInvalidAction<TObs, TAct>(IEnv<TObs, TAct> env, int seed, List<string> problems)
    {
        if (!env.ActionSpace.TryGetOutside(out TAct bad))
        {
            return;
        }

        env.Reset(seed);
        try
        {
            env.Step(bad);
            problems.Add($"Step accepted an action outside the action space ({env.ActionSpace.Describe(bad)}).");
        }
        catch (ArgumentException e)
        {
            if (string.IsNullOrWhiteSpace(e.Message))
            {
                problems.Add("The error for an invalid action has no message.");
            }
        }
        catch (Exception e)
        {
            problems.Add($"An invalid action raised {e.GetType().Name} instead of an ArgumentException naming the value.");
        }
    }

    private static TObs Copy<TObs>(TObs value) => value is Array array ? (TObs)array.Clone() : value;

    private static bool AreEqual<TObs>(TObs x, TObs y) =>
        x is IStructuralEquatable s ? s.Equals(y, StructuralComparisons.StructuralEqualityComparer) : EqualityComparer<TObs>.Default.Equals(x, y);
}
