using Aim.Core.Envs;
using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Core.Spaces;

namespace Aim.Tests.Learning.Baselines;

/// <summary>A continuous 1-D task: move right from x ∈ [−1, 0) to x ≥ 1 within 20 steps; x += 0.5·a, a ∈ [−1, 1].</summary>
internal sealed class LineEnv : IEnv<float[], float[]>
{
    private Rng _rng = new(0);
    private float _x;
    private int _t;

    public ISpace<float[]> ObservationSpace { get; } = new Box<float>(-5f, 5f, 2);

    public ISpace<float[]> ActionSpace { get; } = new Box<float>(-1f, 1f, 1);

    public float X => _x;

    public ResetResult<float[]> Reset(int? seed = null)
    {
        if (seed is int s)
        {
            _rng = new Rng(s);
        }

        _x = -(float)_rng.NextDouble();
        _t = 0;
        return new ResetResult<float[]>(new[] { _x, 1f }, default);
    }

    public StepResult<float[]> Step(float[] action)
    {
        _x += 0.5f * Math.Clamp(action[0], -1f, 1f);
        _t++;
        bool success = _x >= 1f;
        return new StepResult<float[]>(new[] { _x, 1f }, success ? 1 : 0, success, !success && _t >= 20, new StepInfo(IsSuccess: success));
    }

    public RgbFrame Render() => new(1, 1);
}

/// <summary>A Gaussian expert for <see cref="LineEnv"/>: mean action 0.8 (go right), σ 0.2, samples clipped to [−1, 1].</summary>
internal sealed class LineExpert : IGaussianExpert
{
    private readonly Rng _rng;

    public LineExpert(int seed) => _rng = new Rng(seed);

    public int DistributionCalls { get; private set; }

    public float[] Act(float[] observation) => new[] { (float)Math.Clamp(_rng.NextGaussian(0.8, 0.2), -1, 1) };

    public void Distribution(float[] observation, Span<float> mean, Span<float> std)
    {
        DistributionCalls++;
        mean[0] = 0.8f;
        std[0] = 0.2f;
    }
}
