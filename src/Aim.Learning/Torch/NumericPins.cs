using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Aim.Learning.Torch;

/// <summary>
/// Pins the code paths libtorch computes with on the CPU, so that one seed gives the same bits on every x86-64 CPU with
/// AVX2 and FMA, Intel or AMD, with or without AVX-512 (docs/reproducibility.md).
/// </summary>
/// <remarks>
/// <para>
/// Four libraries inside libtorch pick their kernels by the CPU they find, and each choice changes floats in the last
/// bits. What is pinned, and why:
/// </para>
/// <list type="bullet">
/// <item><description>ATen's own vectorised kernels (element-wise maths, reductions): <c>ATEN_CPU_CAPABILITY=avx2</c>.
/// With AVX-512 a vector holds 16 floats instead of 8, which changes the order of a reduction's partial
/// sums.</description></item>
/// <item><description>oneDNN (batched convolutions) is switched off (<see cref="OneDnnSwitch"/>), and NNPACK with it
/// (<see cref="NnpackSwitch"/>): both choose kernels and blocking from the CPU's instruction set and caches. On a CPU
/// with AVX-512, oneDNN's AVX-512 kernels changed every grid run. libtorch then convolves by unfolding the input and
/// one matrix product. <c>ONEDNN_MAX_CPU_ISA=AVX2</c> is set too, for any oneDNN primitive still reached.</description></item>
/// <item><description>Intel MKL (matrix products): <c>MKL_CBWR=COMPATIBLE</c>, MKL's "conditional numerical
/// reproducibility" branch that every x86-64 CPU runs alike. MKL refuses its AVX2 branch on CPUs not made by Intel
/// (<c>mkl_cbwr_set</c> answers "unsupported branch" on AMD EPYC and MKL falls back to its automatic branch), so
/// AVX2 would pin nothing there.</description></item>
/// </list>
/// <para>
/// On x86-64 CPUs without AVX2 and FMA ATen's default kernels are pinned instead (another path, with its own bits).
/// The libraries read the variables once, at their first use, so <see cref="Pin"/> runs before libtorch computes
/// anything, and <see cref="ApplySwitches"/> right after libtorch is loaded. A variable the user set is kept.
/// <c>AIM_NUMERIC_PATH=native</c> pins nothing but MKL's automatic branch (<c>MKL_CBWR=AUTO</c>, so that runs repeat
/// in one process): each library takes the fastest path of the CPU, and a seed then reproduces only on CPUs that take
/// the same path. On Windows the C runtime's copy of the environment may not see
/// values set after start-up: set the variables before starting the process there.
/// </para>
/// </remarks>
public static class NumericPins
{
    /// <summary>The variable that chooses between pinned paths (default, <c>pinned</c>) and the CPU's own (<c>native</c>).</summary>
    public const string ModeVariable = "AIM_NUMERIC_PATH";

    /// <summary>MKL's variable for its code branch.</summary>
    public const string MklVariable = "MKL_CBWR";

    /// <summary>oneDNN's variable for the most capable instruction set it may use.</summary>
    public const string OneDnnVariable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>ATen's variable for the instruction set of its vectorised kernels.</summary>
    public const string AtenVariable = "ATEN_CPU_CAPABILITY";

    /// <summary>Whether <see cref="Pin"/> set the variables (false with <c>AIM_NUMERIC_PATH=native</c>, or before <see cref="Pin"/>).</summary>
    public static bool Pinned { get; private set; }

    /// <summary>
    /// Whether the pinned values reached the C library's environment, which native code reads (false where no C library
    /// with <c>setenv</c> was found; then only values set before the process started take effect).
    /// </summary>
    public static bool ReachedNativeCode { get; private set; }

    /// <summary>Sets the variables for this process, keeping any the user set.</summary>
    /// <exception cref="InvalidOperationException"><c>AIM_NUMERIC_PATH</c> is neither <c>pinned</c> nor <c>native</c>.</exception>
    public static void Pin()
    {
        string mode = Environment.GetEnvironmentVariable(ModeVariable)?.Trim().ToLowerInvariant() ?? "";
        if (mode is not ("" or "pinned" or "native"))
        {
            throw new InvalidOperationException(
                $"{ModeVariable}='{Environment.GetEnvironmentVariable(ModeVariable)}' is not a numeric path: expected 'pinned' (the default) or 'native'.");
        }

        Pinned = mode != "native";
        bool reached = true;
        foreach ((string name, string value) in Pinned ? PinnedValues() : NativeValues)
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            {
                Environment.SetEnvironmentVariable(name, value);
                reached &= OperatingSystem.IsWindows() || NativeEnvironment.Set(name, value);
            }
        }

        ReachedNativeCode = reached;
    }

    /// <summary>
    /// What the native path sets: MKL's automatic branch with its reproducibility mode on (the CPU's own kernels, chosen
    /// once per process). Without it MKL may split work differently from call to call, and two identical runs in one
    /// process differed in the ninth digit.
    /// </summary>
    private static IReadOnlyList<(string Name, string Value)> NativeValues => [(MklVariable, "AUTO")];

    /// <summary>
    /// Switches oneDNN and NNPACK off when the paths are pinned (call once libtorch is loaded, before it computes);
    /// does nothing with <c>AIM_NUMERIC_PATH=native</c>.
    /// </summary>
    public static void ApplySwitches()
    {
        if (Pinned)
        {
            OneDnnSwitch.TrySet(false);
            NnpackSwitch.TrySet(false);
        }
    }

    /// <summary>
    /// The variables pinned on this CPU: MKL's portable branch everywhere; on x86-64 also ATen's and oneDNN's AVX2
    /// kernels where the CPU has AVX2 and FMA, else ATen's default kernels and oneDNN's SSE4.1.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> PinnedValues()
    {
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return [(MklVariable, "COMPATIBLE")];
        }

        return Avx2.IsSupported && Fma.IsSupported
            ? [(MklVariable, "COMPATIBLE"), (OneDnnVariable, "AVX2"), (AtenVariable, "avx2")]
            : [(MklVariable, "COMPATIBLE"), (OneDnnVariable, "SSE41"), (AtenVariable, "default")];
    }
}
