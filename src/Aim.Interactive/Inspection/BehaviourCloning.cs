using Aim.Core.Random;
using Aim.Envs.Grid;
using Aim.Experiments.Catalog;
using Aim.Learning.Data;
using Aim.Learning.Learners;
using Aim.Learning.Networks;
using Aim.Learning.Spec;
using Aim.Learning.Torch;
using Aim.Learning.Training;

namespace Aim.Interactive.Inspection;

/// <summary>One step of a grid rollout: where the agent stood, what it did and what the expert would have done.</summary>
/// <param name="X">The agent's column before the step.</param>
/// <param name="Y">The agent's row before the step.</param>
/// <param name="Direction">The agent's direction before the step.</param>
/// <param name="Action">The action taken.</param>
/// <param name="ExpertAction">The shortest-path expert's action in the same state.</param>
/// <param name="Success">The step reached the goal.</param>
/// <param name="Lava">The step entered lava.</param>
public sealed record RolloutStep(int X, int Y, int Direction, int Action, int ExpertAction, bool Success, bool Lava)
{
    /// <summary>True when the action differs from the expert's.</summary>
    public bool Deviates => Action != ExpertAction;
}

/// <summary>
/// Offline behaviour cloning on grid tasks, for the notebooks: record expert demonstrations, fit a policy to them with
/// the shared learner (cross-entropy, <see cref="BcLearner"/>), evaluate it, and roll it out beside the expert to see
/// where it drifts.
/// </summary>
public static class BehaviourCloning
{
    /// <summary>
    /// Runs the task's shortest-path expert for <paramref name="episodes"/> episodes on layouts
    /// <paramref name="seedStart"/> … + episodes − 1 and stores every step as an expert-labelled transition.
    /// </summary>
    /// <exception cref="ArgumentException">The task is unknown or not a grid task.</exception>
    public static HacoBuffer Demonstrations(string task, int episodes, int seedStart = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(episodes);
        var (env, expert) = CreateGrid(task);
        var codec = CodecOf(env);
        var steps = new List<(float[] Obs, float[] Next, int Action, bool Terminated, bool Truncated)>();
        for (int e = 0; e < episodes; e++)
        {
            var observation = new float[codec.Observation.Size];
            codec.EncodeObservation(env.Reset(seedStart + e).Observation, observation);
            while (true)
            {
                int action = expert.Act();
                var result = env.Step(action);
                var next = new float[codec.Observation.Size];
                codec.EncodeObservation(result.Observation, next);
                steps.Add((observation, next, action, result.Terminated, result.Truncated));
                observation = next;
                if (result.Done)
                {
                    break;
                }
            }
        }

        var buffer = new HacoBuffer(steps.Count, codec.Observation.Size, 1);
        foreach (var (obs, next, action, terminated, truncated) in steps)
        {
            float[] a = [action];
            buffer.Add(obs, next, a, a, intervention: true, interventionStart: false, cost: 1f, terminated, truncated);
        }

        return buffer;
    }

    /// <summary>
    /// A fresh policy (the grid network every method uses) fitted to <paramref name="demonstrations"/>; TorchSharp is
    /// seeded with <paramref name="seed"/> first. Dispose it when done.
    /// </summary>
    /// <param name="demonstrations">Expert-labelled transitions.</param>
    /// <param name="task">The grid task they come from (gives the observation and action specs).</param>
    /// <param name="steps">Gradient steps; default <see cref="BcOptions.InitialSteps"/>.</param>
    /// <param name="options">Learner options; default <see cref="BcOptions"/>'s defaults.</param>
    /// <param name="seed">Seed of the weights and the batches.</param>
    public static Policy Fit(HacoBuffer demonstrations, string task, int? steps = null, BcOptions? options = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(demonstrations);
        options ??= new BcOptions();
        var codec = CodecOf(CreateGrid(task).Env);
        TorchRuntime.Initialize();
        TorchRuntime.Seed(seed);
        var policy = new Policy(codec.Observation, codec.Action, NetworkOptions.GridHead);
        using var learner = new BcLearner(policy, options, new Rng(seed));
        learner.Train(demonstrations, steps ?? options.InitialSteps);
        return policy;
    }

    /// <summary>Runs <paramref name="policy"/> deterministically on layouts <paramref name="seedStart"/> … + episodes − 1.</summary>
    public static EvaluationResult Evaluate(IActor policy, string task, int episodes, int seedStart)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var codec = CodecOf(CreateGrid(task).Env);
        return new Evaluator<byte[], int>(() => CreateGrid(task).Env, codec, episodes).Run(policy, seedStart);
    }

    /// <summary>
    /// One episode of <paramref name="policy"/> on layout <paramref name="seed"/>, with the expert's action recorded (not
    /// taken) at every state; also returns the layout at the start and the cell the agent ended on.
    /// </summary>
    public static (int[,,] Layout, IReadOnlyList<RolloutStep> Steps, (int X, int Y) End) Rollout(IActor policy, string task, int seed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var (env, expert) = CreateGrid(task);
        var codec = CodecOf(env);
        var observation = new float[codec.Observation.Size];
        var action = new float[1];
        codec.EncodeObservation(env.Reset(seed).Observation, observation);
        int[,,] layout = MiniGridInterop.Encode(env);
        var steps = new List<RolloutStep>();
        while (true)
        {
            policy.Act(observation, 1, action);
            int expertAction = expert.Act();
            int x = env.AgentX, y = env.AgentY, dir = env.AgentDirection;
            var result = env.Step((int)action[0]);
            steps.Add(new RolloutStep(x, y, dir, (int)action[0], expertAction, result.Info.IsSuccess, result.Info.Cost > 0));
            if (result.Done)
            {
                return (layout, steps, (env.AgentX, env.AgentY));
            }

            codec.EncodeObservation(result.Observation, observation);
        }
    }

    private static (GridEnv Env, Envs.Grid.Experts.ShortestPathExpert Expert) CreateGrid(string task)
    {
        if (!TaskCatalog.IsGrid(task))
        {
            throw new ArgumentException($"'{task}' is not a grid task. Grid tasks: {string.Join(", ", GridTasks.Names)}.", nameof(task));
        }

        return TaskCatalog.CreateGrid(task);
    }

    private static Codec<byte[], int> CodecOf(GridEnv env) =>
        new(ObservationSpec.From(env.ObservationSpace), ActionSpec.From(env.ActionSpace));
}
