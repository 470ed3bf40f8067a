namespace Aim.Core.Experts;

/// <summary>
/// A simulated human: the action the expert would take now. Experts may read the environment's true state (they are
/// built bound to an environment), so the observation argument is what the agent sees, offered for experts that need
/// nothing else.
/// </summary>
/// <typeparam name="TObs">Observation type of the environment.</typeparam>
/// <typeparam name="TAct">Action type of the environment.</typeparam>
public interface IExpert<TObs, TAct>
{
    /// <summary>The action the expert takes in the environment's current state (sampled, for stochastic experts).</summary>
    TAct Act(TObs observation);
}

/// <summary>
/// A continuous expert whose action is drawn from a diagonal Gaussian; exposing the distribution lets density-based
/// gates (PVP's) be simulated.
/// </summary>
public interface IGaussianExpert : IExpert<float[], float[]>
{
    /// <summary>Writes the mean and standard deviation of the expert's action distribution in the current state.</summary>
    void Distribution(float[] observation, Span<float> mean, Span<float> std);
}
