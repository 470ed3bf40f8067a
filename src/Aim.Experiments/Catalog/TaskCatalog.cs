using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;

namespace Aim.Experiments.Catalog;

/// <summary>
/// The tasks an experiment can run on, by name: every grid task, <c>driving</c> (train maps 100–149, test maps
/// 1000–1049) and <c>driving-toy</c> (one map without traffic, for case-study figures).
/// </summary>
public static class TaskCatalog
{
    /// <summary>The default task of comparisons: the six-room MultiRoom of the AIM code.</summary>
    public const string DefaultTask = "multiroom-6";

    /// <summary>The MetaDrive-like driving task.</summary>
    public const string Driving = "driving";

    /// <summary>The toy driving map (no traffic, two cone tapers).</summary>
    public const string DrivingToy = "driving-toy";

    /// <summary>Every known task name.</summary>
    public static IReadOnlyList<string> Names => GridTasks.Names.Concat(new[] { Driving, DrivingToy }).ToArray();

    /// <summary>True for a grid task.</summary>
    public static bool IsGrid(string name) => GridTasks.Names.Contains(name, StringComparer.Ordinal);

    /// <summary>True for a driving task.</summary>
    public static bool IsDriving(string name) => name is Driving or DrivingToy;

    /// <summary>Throws <see cref="ArgumentException"/> listing the known tasks when <paramref name="name"/> is not one.</summary>
    public static void EnsureKnown(string name)
    {
        if (!Names.Contains(name, StringComparer.Ordinal))
        {
            throw new ArgumentException($"Unknown task '{name}'. Known tasks: {string.Join(", ", Names)}.", nameof(name));
        }
    }

    /// <summary>A grid environment of task <paramref name="name"/>, bound to a fresh shortest-path expert.</summary>
    public static (GridEnv Env, ShortestPathExpert Expert) CreateGrid(string name, GridEnvOptions? options = null)
    {
        EnsureKnown(name);
        GridEnv env = GridTasks.Create(name, options);
        return (env, new ShortestPathExpert(env));
    }

    /// <summary>The training environment of a driving task and its planner expert, which samples its actions from <paramref name="expertRng"/>.</summary>
    public static (DrivingEnv Env, DrivingExpert Expert) CreateDriving(string name, Rng expertRng)
    {
        ArgumentNullException.ThrowIfNull(expertRng);
        var env = new DrivingEnv(DrivingOptions(name, evaluation: false));
        return (env, new DrivingExpert(env, expertRng));
    }

    /// <summary>
    /// A factory of evaluation environments for a driving task: the i-th environment it builds runs test map
    /// 1000 + i (the toy map for <c>driving-toy</c>), so an evaluation of N episodes covers maps 1000 … 1000 + N − 1.
    /// </summary>
    public static Func<DrivingEnv> DrivingEvaluationFactory(string name)
    {
        DrivingEnvOptions options = DrivingOptions(name, evaluation: true);
        int next = 0;
        return () => new DrivingEnv(name == DrivingToy ? options : options with { Maps = DrivingMaps.Single(DrivingMaps.Test.StartSeed + next++) });
    }

    /// <summary>
    /// The options record a run of <paramref name="method"/> on <paramref name="task"/> starts from, before the user's
    /// overrides: on the grid tasks the method's defaults; on the driving tasks its driving preset, kept beside the
    /// algorithm (<c>AimOptions.Driving</c>, <c>ThriftyOptions.Driving</c>, …). On driving every method that learns
    /// its policy by behaviour cloning shares one learner (<c>BcOptions.Driving</c>), as in the AIM code's MetaDrive
    /// baselines; AIM adds its MetaDrive settings and Ensemble-DAgger the code's novelty threshold.
    /// </summary>
    /// <exception cref="ArgumentException">Unknown task or method.</exception>
    public static object Preset(string task, string method)
    {
        EnsureKnown(task);
        return IsDriving(task) ? MethodCatalog.DrivingPreset(method) : MethodCatalog.Defaults(method);
    }

    /// <summary>Consecutive standstill steps that end a training episode on the driving tasks (20 s).</summary>
    public const int TrainingStuckStepLimit = 200;

    private static DrivingEnvOptions DrivingOptions(string name, bool evaluation)
    {
        EnsureKnown(name);
        DrivingEnvOptions options = name == DrivingToy ? DrivingEnvOptions.Toy : new DrivingEnvOptions { Maps = evaluation ? DrivingMaps.Test : DrivingMaps.Train };

        // Training episodes end after 20 s without moving: more than twice the expert's longest standstill on the
        // training maps (89 steps, docs/driving.md), so no expert episode is cut, while a stuck learner loses at most
        // 200 steps of the budget. Evaluation keeps MetaDrive's 1,500-step horizon.
        return evaluation ? options : options with { StuckStepLimit = TrainingStuckStepLimit };
    }
}
