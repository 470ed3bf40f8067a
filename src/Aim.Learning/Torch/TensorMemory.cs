using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// Spans over a CPU tensor's own memory, so that batches are written straight into the tensors a network reads and
/// results are read without a managed copy.
/// </summary>
/// <remarks>
/// TorchSharp's <c>torch.tensor(float[])</c> clones the whole array (a managed allocation the size of the batch) and
/// pins the clone for the tensor's lifetime, and <c>data&lt;T&gt;().CopyTo</c> copies one element at a time through
/// an enumerator. <see cref="Tensor.bytes"/> is a plain span over the native storage. A span is only valid while the
/// tensor lives and must not be kept past it.
/// </remarks>
public static class TensorMemory
{
    /// <summary>The elements of a contiguous float32 CPU tensor, in row-major order.</summary>
    /// <exception cref="ArgumentException">The tensor is not float32.</exception>
    /// <exception cref="InvalidOperationException">The tensor is not contiguous or not on the CPU.</exception>
    public static Span<float> FloatSpan(this Tensor tensor) => MemoryMarshal.Cast<byte, float>(Checked(tensor, ScalarType.Float32).bytes);

    /// <summary>The elements of a contiguous int64 CPU tensor, in row-major order.</summary>
    /// <exception cref="ArgumentException">The tensor is not int64.</exception>
    /// <exception cref="InvalidOperationException">The tensor is not contiguous or not on the CPU.</exception>
    public static Span<long> Int64Span(this Tensor tensor) => MemoryMarshal.Cast<byte, long>(Checked(tensor, ScalarType.Int64).bytes);

    /// <summary>
    /// A new rows × width float32 tensor holding the first rows × width values (in the current dispose scope, if any):
    /// <c>torch.tensor(values.ToArray(), shape)</c> without the managed copies, for inputs whose row count changes from
    /// call to call (per update, not per step; a per-step input belongs in a <see cref="StagingTensor"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> holds fewer than rows × width floats.</exception>
    public static Tensor FromSpan(ReadOnlySpan<float> values, int rows, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        int length = checked(rows * width);
        if (values.Length < length)
        {
            throw new ArgumentException($"Expected at least {rows} × {width} = {length} values, got {values.Length}.", nameof(values));
        }

        Tensor result = empty(new long[] { rows, width }, ScalarType.Float32);
        values[..length].CopyTo(result.FloatSpan());
        return result;
    }

    private static Tensor Checked(Tensor tensor, ScalarType type)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        if (tensor.dtype != type)
        {
            throw new ArgumentException($"Expected a {type} tensor, got {tensor.dtype}.", nameof(tensor));
        }

        return tensor;
    }
}
