using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// Tensor arithmetic whose scalars outlive the native call. TorchSharp 0.107 turns every number in an expression into
/// a <see cref="Scalar"/> that nothing references once its handle is passed (even <c>a + b</c> passes an implicit
/// alpha of 1, and <c>square()</c> an exponent of 2); a collection during the call frees it and libtorch fails with
/// "Unknown scalar type" or "Expected false to be true" (environment.md). Here constants are process-lifetime scalars
/// and other numbers are kept alive across the call. Same operations, same results as the operators they replace.
/// </summary>
public static class SafeArithmetic
{
    // Never disposed: they live as long as the process, so no finalizer can free them mid-call.
    private static readonly Scalar s_one = 1.ToScalar();
    private static readonly Scalar s_two = 2.ToScalar();

    /// <summary><paramref name="left"/> + <paramref name="right"/>.</summary>
    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, s_one);

    /// <summary><paramref name="left"/> − <paramref name="right"/> (TorchSharp passes no alpha here).</summary>
    public static Tensor Minus(this Tensor left, Tensor right) => left.sub(right);

    /// <summary><paramref name="left"/> + <paramref name="right"/> for a number.</summary>
    public static Tensor Plus(this Tensor left, double right)
    {
        using Scalar value = right.ToScalar();
        Tensor result = left.add(value, s_one);
        GC.KeepAlive(value);
        return result;
    }

    /// <summary><paramref name="left"/> − <paramref name="right"/> for a number.</summary>
    public static Tensor Minus(this Tensor left, double right)
    {
        using Scalar value = right.ToScalar();
        Tensor result = left.sub(value);
        GC.KeepAlive(value);
        return result;
    }

    /// <summary><paramref name="right"/> − <paramref name="left"/> for a number (e.g. 1 − d).</summary>
    public static Tensor SubtractedFrom(this Tensor left, double right) => left.neg().Plus(right);

    /// <summary><paramref name="left"/> · <paramref name="right"/> for a number.</summary>
    public static Tensor Times(this Tensor left, double right)
    {
        using Scalar value = right.ToScalar();
        Tensor result = left.mul(value);
        GC.KeepAlive(value);
        return result;
    }

    /// <summary>The element-wise square (what <c>square()</c> computes, as pow with exponent 2).</summary>
    public static Tensor Squared(this Tensor x) => x.pow(s_two);

    /// <summary>1 where <paramref name="x"/> &gt; <paramref name="threshold"/>, else 0 (booleans).</summary>
    public static Tensor GreaterThan(this Tensor x, double threshold)
    {
        using Scalar value = threshold.ToScalar();
        Tensor result = x.gt(value);
        GC.KeepAlive(value);
        return result;
    }
}
