using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// A float32 input tensor of a fixed row width, allocated once and refilled for every forward pass, so that a span of
/// encoded observations (or actions) reaches a network without a managed copy or a new native tensor.
/// </summary>
/// <remarks>
/// The storage grows to the largest row count asked for; smaller counts get a view of its first rows, made once per
/// count and kept, so the steady state (one row per environment step, the evaluator's shrinking lock-step batch)
/// allocates nothing. The storage serves one caller at a time: a call that finds it in use (another thread) gets a
/// tensor of its own, freed when its <see cref="StagedTensor"/> is disposed. Tensors made here never join a dispose
/// scope; <see cref="Dispose"/> frees them.
/// </remarks>
public sealed class StagingTensor : IDisposable
{
    private Tensor? _storage;
    private Tensor?[] _views = [];
    private int _busy;
    private bool _disposed;

    /// <summary>Creates an empty staging tensor (nothing is allocated before the first <see cref="Stage"/>).</summary>
    /// <param name="width">Floats per row: an observation's or an action's size.</param>
    public StagingTensor(int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
    }

    /// <summary>Floats per row.</summary>
    public int Width { get; }

    /// <summary>
    /// Copies the first <paramref name="rows"/> × <see cref="Width"/> floats of <paramref name="values"/> into a
    /// <paramref name="rows"/> × <see cref="Width"/> tensor. Use the result's tensor before disposing it; the next call
    /// overwrites it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds fewer than rows × width floats.</exception>
    public StagedTensor Stage(ReadOnlySpan<float> values, int rows)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        int length = checked(rows * Width);
        if (values.Length < length)
        {
            throw new ArgumentException($"Expected at least {rows} × {Width} = {length} values, got {values.Length}.", nameof(values));
        }

        if (Interlocked.Exchange(ref _busy, 1) != 0)
        {
            Tensor own = empty(new long[] { rows, Width }, ScalarType.Float32).DetachFromDisposeScope();
            values[..length].CopyTo(own.FloatSpan());
            return new StagedTensor(own, owner: null);
        }

        Tensor tensor = Rows(rows);
        values[..length].CopyTo(tensor.FloatSpan());
        return new StagedTensor(tensor, this);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        FreeStorage();
    }

    /// <summary>Makes the storage available to the next call (called by <see cref="StagedTensor.Dispose"/>).</summary>
    internal void Release() => Volatile.Write(ref _busy, 0);

    /// <summary>The tensor of the first <paramref name="rows"/> rows, growing the storage when it is too small.</summary>
    private Tensor Rows(int rows)
    {
        if (_storage is null || rows > _views.Length)
        {
            FreeStorage();
            _storage = empty(new long[] { rows, Width }, ScalarType.Float32).DetachFromDisposeScope();
            _views = new Tensor?[rows];
            _views[rows - 1] = _storage;
        }

        // A view of the first rows is contiguous and starts where the storage does: the same input as a fresh tensor.
        return _views[rows - 1] ??= _storage.narrow(0, 0, rows).DetachFromDisposeScope();
    }

    private void FreeStorage()
    {
        foreach (Tensor? view in _views)
        {
            if (!ReferenceEquals(view, _storage))
            {
                view?.Dispose();
            }
        }

        _storage?.Dispose();
        _storage = null;
        _views = [];
    }
}
