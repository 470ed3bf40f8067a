using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// A tensor filled by <see cref="StagingTensor.Stage"/>, valid until disposed: disposing hands the staging storage
/// back (or frees the tensor when it was made for a concurrent caller). Dispose it after the last use of
/// <see cref="Tensor"/>, typically with <c>using</c>.
/// </summary>
public readonly struct StagedTensor : IDisposable
{
    private readonly StagingTensor? _owner;

    internal StagedTensor(Tensor tensor, StagingTensor? owner)
    {
        Tensor = tensor;
        _owner = owner;
    }

    /// <summary>The filled rows × width tensor.</summary>
    public Tensor Tensor { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_owner is not null)
        {
            _owner.Release();
        }
        else
        {
            Tensor?.Dispose();
        }
    }
}
