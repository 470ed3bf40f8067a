using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Core.Spaces;

namespace Aim.Tests.TestSupport;

/// <summary>A 1-D corridor used to test the core API: start at a random cell, reach the right end.</summary>
internal sealed class CorridorEnv : IEnv<float[], int>
{
    private readonly float[] _obs = new float[1];
    private readonly bool _breakResetDeterminism;
    private readonly int _length;
    private Rng _rng = new(0);
    private int _position = -1;
    private static int s_counter;

    public CorridorEnv(int length = 8, bool breakResetDeterminism = false)
    {
        _length = length;
        _breakResetDeterminism = breakResetDeterminism;
        ObservationSpace = new Box<float>(0f, length - 1, 1);
    }

    public ISpace<float[]> ObservationSpace { get; }

    public ISpace<int> ActionSpace { get; } = new Discrete(2);

    public ResetResult<float[]> Reset(int? seed = null)
    {
        if (seed is int s)
        {
            _rng = new Rng(_breakResetDeterminism ? s + Interlocked.Increment(ref s_counter) : s);
        }

        _position = _rng.NextInt(_length - 1);
        _obs[0] = _position;
        return new ResetResult<float[]>(_obs, default);
    }

    public StepResult<float[]> Step(int action)
    {
        if (_position < 0)
        {
            throw new InvalidOperationException("Step before Reset.");
        }

        ((Discrete)ActionSpace).EnsureContains(action, nameof(action));
        _position = Math.Clamp(_position + (action == 1 ? 1 : -1), 0, _length - 1);
        _obs[0] = _position;
        bool success = _position == _length - 1;
        return new StepResult<float[]>(_obs, success ? 1 : 0, success, false, new StepInfo(IsSuccess: success));
    }

    public RgbFrame Render()
    {
        var frame = new RgbFrame(_length, 1);
        frame.Set(_position, 0, 255, 0, 0);
        return frame;
    }
}
