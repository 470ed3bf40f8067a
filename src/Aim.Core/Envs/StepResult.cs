namespace Aim.Core.Envs;

/// <summary>
/// What an environment reports besides the observation and reward (Gymnasium's <c>info</c>, typed so that the hot
/// loop allocates nothing).
/// </summary>
/// <param name="IsSuccess">The episode reached its goal on this step (grid: reward &gt; 0; driving: arrived).</param>
/// <param name="Cost">Safety cost of this step (driving: 1 per crash or off-road event; grid: 1 on stepping into lava).</param>
/// <param name="RouteCompletion">Fraction of the route travelled, in [0, 1]; NaN where the task has no route.</param>
public readonly record struct StepInfo(bool IsSuccess = false, double Cost = 0.0, double RouteCompletion = double.NaN);

/// <summary>The result of <see cref="IEnv{TObs, TAct}.Reset"/>.</summary>
/// <param name="Observation">The first observation of the episode.</param>
/// <param name="Info">Auxiliary information.</param>
public readonly record struct ResetResult<TObs>(TObs Observation, StepInfo Info);

/// <summary>The result of <see cref="IEnv{TObs, TAct}.Step"/> (Gymnasium's five-tuple).</summary>
/// <param name="Observation">The observation after the action.</param>
/// <param name="Reward">The reward of this transition.</param>
/// <param name="Terminated">The episode ended inside the task (goal reached, lava, out of road): no bootstrap past it.</param>
/// <param name="Truncated">The episode was cut by a time limit: the state is not terminal.</param>
/// <param name="Info">Auxiliary information.</param>
public readonly record struct StepResult<TObs>(TObs Observation, double Reward, bool Terminated, bool Truncated, StepInfo Info)
{
    /// <summary>True when the episode is over for either reason; call Reset next.</summary>
    public bool Done => Terminated || Truncated;
}
