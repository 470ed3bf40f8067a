using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Aim.Learning.Torch;

/// <summary>
/// Pins the code paths libtorch computes with on the CPU, so that one seed gives the same bits on other CPUs
/// (docs/decisions.md#numeric-paths-and-modes). <c>AIM_NUMERIC_PATH</c> chooses how far: <see cref="NumericMode"/>.
/// </summary>
/// <remarks>
/// <para>
/// Four libraries inside libtorch pick their kernels by the CPU they find, and each choice changes floats in the last
/// bits: ATen's own vectorised kernels (<c>ATEN_CPU_CAPABILITY</c>: with AVX-512 a vector holds 16 floats instead of
/// 8, which changes the order of a reduction's partial sums), oneDNN (the grid network's batched convolutions;
/// <c>ONEDNN_MAX_CPU_ISA</c>: on a CPU with AVX-512 its AVX-512 kernels changed every grid run), NNPACK (libtorch's
/// switch) and Intel MKL (matrix products; <c>MKL_CBWR</c>, MKL's "conditional numerical reproducibility" branch).
/// MKL refuses its AVX2 branch on CPUs not made by Intel (<c>mkl_cbwr_set</c> answers "unsupported branch" on AMD
/// EPYC) and takes its automatic branch there, which is chosen per CPU generation; only its compatible branch is the same
/// on every x86-64 CPU. So the default pins that branch on CPUs not made by Intel.
/// </para>
/// <para>
/// On CPUs not made by Intel the default also turns oneDNN off, as the portable mode does. On an AMD Zen 5 (family 26)
/// oneDNN's AVX2 and AVX kernels returned NaN now and then from finite weights and inputs (the same forward pass,
/// repeated, was finite), so every grid run failed within its first thousand gradient steps, whatever MKL's branch.
/// Its SSE4.1 and AVX-512 kernels, and no oneDNN at all, gave finite runs (docs/decisions.md#portable-by-default-on-amd).
/// Without oneDNN the default on such CPUs is the portable path, whose bits were the same on Zen 4 and Zen 5.
/// </para>
/// <para>
/// The libraries read the variables once, at their first use, so <see cref="Pin"/> runs before libtorch computes
/// anything, and <see cref="ApplySwitches"/> right after libtorch is loaded. A variable the user set is kept. On Windows
/// the C runtime's copy of the environment may not see values set after start-up: set the variables before starting the
/// process there.
/// </para>
/// </remarks>
public static class NumericPins
{
    /// <summary>The variable that chooses the <see cref="NumericMode"/>: <c>pinned</c> (default), <c>portable</c> or <c>native</c>.</summary>
    public const string ModeVariable = "AIM_NUMERIC_PATH";

    /// <summary>MKL's variable for its code branch.</summary>
    public const string MklVariable = "MKL_CBWR";

    /// <summary>oneDNN's variable for the most capable instruction set it may use.</summary>
    public const string OneDnnVariable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>ATen's variable for the instruction set of its vectorised kernels.</summary>
    public const string AtenVariable = "ATEN_CPU_CAPABILITY";

    /// <summary>The mode <see cref="Pin"/> applied (<see cref="NumericMode.Pinned"/> before it runs).</summary>
    public static NumericMode Mode { get; private set; } = NumericMode.Pinned;

    /// <summary>Whether a pinning mode is in effect (<see cref="NumericMode.Pinned"/> or <see cref="NumericMode.Portable"/>).</summary>
    public static bool Pinned => Mode != NumericMode.Native;

    /// <summary>
    /// Whether the pinned values reached the C library's environment, which native code reads (false where no C library
    /// with <c>setenv</c> was found; then only values set before the process started take effect).
    /// </summary>
    public static bool ReachedNativeCode { get; private set; }

    /// <summary>Reads <c>AIM_NUMERIC_PATH</c> and sets the mode's variables for this process, keeping any the user set.</summary>
    /// <exception cref="InvalidOperationException"><c>AIM_NUMERIC_PATH</c> names no mode.</exception>
    public static void Pin()
    {
        string? text = Environment.GetEnvironmentVariable(ModeVariable);
        NumericMode mode = text?.Trim().ToLowerInvariant() switch
        {
            null or "" or "pinned" => NumericMode.Pinned,
            "portable" => NumericMode.Portable,
            "native" => NumericMode.Native,
            _ => throw new InvalidOperationException(
                $"{ModeVariable}='{text}' is not a numeric path: expected 'pinned' (the default), 'portable' or 'native'."),
        };

        bool reached = true;
        foreach ((string name, string value) in Values(mode))
        {
            if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(name)))
            {
                Environment.SetEnvironmentVariable(name, value);
                reached &= OperatingSystem.IsWindows() || NativeEnvironment.Set(name, value);
            }
        }

        Mode = mode;
        ReachedNativeCode = reached;
    }

    /// <summary>
    /// Sets libtorch's switches for the mode (call once libtorch is loaded, before it computes): NNPACK off when pinned
    /// (its kernels and blocking follow the CPU); oneDNN off too when portable, and when pinned on a CPU not made by
    /// Intel (see remarks).
    /// </summary>
    public static void ApplySwitches()
    {
        if (TurnsOneDnnOff)
        {
            OneDnnSwitch.TrySet(false);
        }

        if (Pinned)
        {
            NnpackSwitch.TrySet(false);
        }
    }

    /// <summary>The variables <paramref name="mode"/> sets on this CPU (see <see cref="NumericMode"/>).</summary>
    public static IReadOnlyList<(string Name, string Value)> Values(NumericMode mode)
    {
        bool x64 = RuntimeInformation.ProcessArchitecture == Architecture.X64;
        bool avx2 = x64 && Avx2.IsSupported && Fma.IsSupported;
        return mode switch
        {
            // Without the reproducibility mode MKL may split work differently from call to call: two identical runs in
            // one process differed in the ninth digit.
            NumericMode.Native => [(MklVariable, "AUTO")],
            _ when !x64 => [(MklVariable, "COMPATIBLE")],
            _ when !avx2 => [(MklVariable, "COMPATIBLE"), (OneDnnVariable, "SSE41"), (AtenVariable, "default")],
            NumericMode.Portable => [(MklVariable, "COMPATIBLE"), (OneDnnVariable, "AVX2"), (AtenVariable, "avx2")],
            _ when !IsIntel => Values(NumericMode.Portable),
            _ => [(MklVariable, "AVX2"), (OneDnnVariable, "AVX2"), (AtenVariable, "avx2")],
        };
    }

    /// <summary>
    /// Whether the mode switches oneDNN off: <see cref="NumericMode.Portable"/> everywhere, and the default on CPUs not
    /// made by Intel (its AVX2 kernels returned NaN on AMD Zen 5; see remarks).
    /// </summary>
    public static bool TurnsOneDnnOff => Mode == NumericMode.Portable || (Mode == NumericMode.Pinned && !IsIntel);

    /// <summary>Whether the CPU is made by Intel, the only maker whose CPUs MKL runs its AVX2 branch on.</summary>
    private static bool IsIntel => s_isIntel.Value;

    // The maker does not change while the process runs: read CPUID once.
    private static readonly Lazy<bool> s_isIntel = new(() => NumericEnvironment.ReadCpuVendor() == "GenuineIntel");
}
