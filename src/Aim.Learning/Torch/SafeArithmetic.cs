using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// Tensor arithmetic whose scalars outlive the native call: the one way a number reaches libtorch in the training code.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns every number in an expression into a <see cref="Scalar"/> that nothing references once its
/// handle has been passed (even <c>a + b</c> passes an implicit alpha of 1, <c>1 - t</c> a 1 and an alpha, and
/// <c>square()</c> an exponent of 2). A collection during the call lets the scalar's finalizer free it while libtorch
/// still reads it, and the operation fails with "Expected false to be true … toFloat" or "Unknown scalar type". Here
/// constants are process-lifetime scalars, and every other number becomes a scalar that
/// <see cref="WithScalar"/> keeps alive until the call has returned. Same operations, same results as the operators
/// they replace (a test compares the bits).
/// </remarks>
public static class SafeArithmetic
{
    // Never disposed: they live as long as the process, so no finalizer can free them mid-call.
    private static readonly Scalar s_one = 1.ToScalar();
    private static readonly Scalar s_two = 2.ToScalar();

    /// <summary>
    /// Runs <paramref name="operation"/> on <paramref name="tensor"/> with <paramref name="value"/> as a
    /// <see cref="Scalar"/> that stays alive until the native call has returned, then frees it.
    /// </summary>
    /// <param name="tensor">The tensor operand.</param>
    /// <param name="value">The number operand.</param>
    /// <param name="operation">The TorchSharp call; it must not keep the scalar.</param>
    public static Tensor WithScalar(this Tensor tensor, double value, Func<Tensor, Scalar, Tensor> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using Scalar scalar = value.ToScalar();
        Tensor result = operation(tensor, scalar);
        GC.KeepAlive(scalar);
        return result;
    }

    /// <summary><see cref="WithScalar"/> for an operation with two number operands.</summary>
    /// <param name="tensor">The tensor operand.</param>
    /// <param name="first">The first number operand.</param>
    /// <param name="second">The second number operand.</param>
    /// <param name="operation">The TorchSharp call; it must not keep the scalars.</param>
    public static Tensor WithScalars(this Tensor tensor, double first, double second, Func<Tensor, Scalar, Scalar, Tensor> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using Scalar firstScalar = first.ToScalar();
        using Scalar secondScalar = second.ToScalar();
        Tensor result = operation(tensor, firstScalar, secondScalar);
        GC.KeepAlive(firstScalar);
        GC.KeepAlive(secondScalar);
        return result;
    }

    /// <summary><paramref name="left"/> + <paramref name="right"/> (the alpha of 1 TorchSharp adds is a constant here).</summary>
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, s_one);

    /// <summary><paramref name="left"/> − <paramref name="right"/> (TorchSharp passes no alpha here).</summary>
    public static Tensor Minus(this Tensor left, Tensor right) => left.sub(right);

    /// <summary><paramref name="left"/> + <paramref name="right"/> for a number.</summary>
    public static Tensor Plus(this Tensor left, double right) => left.WithScalar(right, static (t, s) => t.add(s, s_one));

    /// <summary><paramref name="left"/> − <paramref name="right"/> for a number.</summary>
    public static Tensor Minus(this Tensor left, double right) => left.WithScalar(right, static (t, s) => t.sub(s));

    /// <summary><paramref name="right"/> − <paramref name="left"/> for a number (e.g. 1 − d), as TorchSharp computes it.</summary>
    public static Tensor SubtractedFrom(this Tensor left, double right) => left.neg().Plus(right);

    /// <summary><paramref name="left"/> · <paramref name="right"/> for a number.</summary>
    public static Tensor Times(this Tensor left, double right) => left.WithScalar(right, static (t, s) => t.mul(s));

    /// <summary>The element-wise square (what <c>square()</c> computes, as pow with exponent 2).</summary>
    public static Tensor Squared(this Tensor x) => x.pow(s_two);

    /// <summary>1 where <paramref name="x"/> &gt; <paramref name="threshold"/>, else 0 (booleans).</summary>
    public static Tensor GreaterThan(this Tensor x, double threshold) => x.WithScalar(threshold, static (t, s) => t.gt(s));

    /// <summary><paramref name="x"/> clamped into [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Tensor Clamp(this Tensor x, double min, double max) => x.WithScalars(min, max, static (t, lo, hi) => t.clamp(lo, hi));

    /// <summary><paramref name="x"/> clamped to at most <paramref name="max"/>.</summary>
    public static Tensor ClampMax(this Tensor x, double max) => x.WithScalar(max, static (t, s) => t.clamp_max(s));
}
