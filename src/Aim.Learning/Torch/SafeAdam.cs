using Aim.Core.Resume;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// Adam (Kingma &amp; Ba; PyTorch's update with bias correction, no weight decay, no AMSGrad) whose every scalar
/// operand is a <see cref="Scalar"/> kept alive for the whole native call.
/// </summary>
/// <remarks>
/// TorchSharp 0.107's <c>optim.Adam.step</c> passes scalars made by implicit conversion (<c>add_(eps)</c> and friends)
/// to native code by raw handle without keeping the managed <see cref="Scalar"/> alive; when a garbage collection runs
/// during the call, the scalar's finalizer frees it under libtorch's feet. We saw it as intermittent
/// <c>ExternalException: Expected false to be true … toFloat</c> crashes inside <c>Adam.step</c> (every run of the
/// benchmark, rarely in training). The arithmetic here is the same as <c>torch.optim.Adam</c>'s (a test checks the
/// parameters agree after many steps); only the scalars' lifetimes differ.
/// </remarks>
public sealed class SafeAdam : IDisposable, IResumable
{
    private static readonly Scalar s_one = 1.0.ToScalar();
    private readonly Parameter[] _parameters;
    private readonly Tensor[] _expAvg;
    private readonly Tensor[] _expAvgSq;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly Scalar _beta1Scalar;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2Scalar;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _eps;
    private long _step;

    /// <summary>Creates the optimiser for <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The parameters to train (those with <c>requires_grad</c>).</param>
    /// <param name="lr">Learning rate.</param>
    /// <param name="beta1">First-moment decay. Default 0.9 (PyTorch).</param>
    /// <param name="beta2">Second-moment decay. Default 0.999 (PyTorch).</param>
    /// <param name="eps">Denominator term. Default 1e-8 (PyTorch).</param>
    public SafeAdam(IEnumerable<Parameter> parameters, double lr, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(lr > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lr), lr, "The learning rate must be positive.");
        }

        _parameters = parameters.Where(p => p.requires_grad).ToArray();
        LearningRate = lr;
        _beta1 = beta1;
        _beta2 = beta2;
        _beta1Scalar = beta1.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _beta2Scalar = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _eps = eps.ToScalar();
        using (no_grad())
        {
            _expAvg = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
            _expAvgSq = _parameters.Select(p => zeros_like(p).DetachFromDisposeScope()).ToArray();
        }
    }

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; }

    /// <summary>Steps taken.</summary>
    public long Steps => _step;

    /// <summary>Clears the parameters' gradients.</summary>
    public void ZeroGrad()
    {
        foreach (Parameter p in _parameters)
        {
            p.grad?.zero_();
        }
    }

    /// <summary>One Adam update from the current gradients.</summary>
    public void Step()
    {
        _step++;
        double biasCorrection1 = 1 - Math.Pow(_beta1, _step);
        double biasCorrection2 = 1 - Math.Pow(_beta2, _step);
        using Scalar stepSize = (-LearningRate / biasCorrection1).ToScalar();
        using Scalar bias2Sqrt = Math.Sqrt(biasCorrection2).ToScalar();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < _parameters.Length; i++)
        {
            Tensor? grad = _parameters[i].grad;
            if (grad is null)
            {
                continue;
            }

            // m ← β1 m + (1 − β1) g;  v ← β2 v + (1 − β2) g²
            _expAvg[i].mul_(_beta1Scalar).add_(grad, _oneMinusBeta1);
            _expAvgSq[i].mul_(_beta2Scalar).addcmul_(grad, grad, _oneMinusBeta2);

            // θ ← θ − lr / (1 − β1^t) · m / (√v / √(1 − β2^t) + ε)
            Tensor denom = _expAvgSq[i].sqrt().div_(bias2Sqrt).add_(_eps, s_one);
            _parameters[i].addcdiv_(_expAvg[i], denom, stepSize);
        }

        GC.KeepAlive(stepSize);
        GC.KeepAlive(bias2Sqrt);
    }

    /// <inheritdoc />
    /// <remarks>The step count and both moments of every parameter.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("adam");
        writer.Write(_parameters.Length);
        writer.Write(_step);
        foreach (Tensor moment in _expAvg.Concat(_expAvgSq))
        {
            TensorState.Write(writer, moment);
        }
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("adam");
        reader.Expect("the number of trained parameters", reader.ReadInt32(), _parameters.Length);
        _step = reader.ReadInt64();
        foreach (Tensor moment in _expAvg.Concat(_expAvgSq))
        {
            TensorState.Read(reader, moment);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Tensor t in _expAvg.Concat(_expAvgSq))
        {
            t.Dispose();
        }

        _beta1Scalar.Dispose();
        _oneMinusBeta1.Dispose();
        _beta2Scalar.Dispose();
        _oneMinusBeta2.Dispose();
        _eps.Dispose();
    }
}
