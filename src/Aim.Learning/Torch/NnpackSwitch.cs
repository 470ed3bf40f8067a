using System.Runtime.InteropServices;

namespace Aim.Learning.Torch;

/// <summary>
/// Turns libtorch's NNPACK convolutions off where NNPACK cannot initialise (CPUs without AVX2, or whose caches cpuinfo
/// cannot read). There libtorch 2.x logs "Could not initialize NNPACK! Reason: Unsupported hardware." at every
/// convolution it considers for NNPACK (1,400 to 1,800 lines per grid run) and then uses its own kernels anyway.
/// With the user switch off it skips that check and runs the same kernels, silently. Where NNPACK works it stays on,
/// so results do not change. TorchSharp has no binding for the switch, so this calls libtorch's exported C++ functions
/// by their Itanium-mangled names (Linux and macOS); elsewhere, or when libtorch lacks them, nothing is changed.
/// </summary>
internal static class NnpackSwitch
{
    private const string Library = "libtorch_cpu";

    /// <summary>libtorch's user switch for NNPACK: <c>at::globalContext().userEnabledNNPACK()</c>.</summary>
    public static bool Enabled
    {
        get => UserEnabledNnpack(GlobalContext());
        set => SetUserEnabledNnpack(GlobalContext(), value);
    }

    /// <summary>
    /// <see cref="Enabled"/>, or null where the switch cannot be reached (not Linux or macOS, or libtorch lacks it).
    /// </summary>
    public static bool? EnabledOrNull => LibTorchExports.TryGet(() => Enabled);

    /// <summary>Sets <see cref="Enabled"/>; false where the switch cannot be reached.</summary>
    public static bool TrySet(bool enabled) => LibTorchExports.TryRun(() => Enabled = enabled);

    /// <summary>Whether NNPACK initialised on this machine (<c>at::native::_nnpack_available()</c>; logs the warning once when not).</summary>
    public static bool Available => NnpackAvailable();

    /// <summary>Turns NNPACK off when it is unavailable.</summary>
    /// <returns>True when it was turned off; false when it works, or the switch cannot be reached on this platform.</returns>
    public static bool DisableWhereUnavailable()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return false;
        }

        try
        {
            if (Available)
            {
                return false;
            }

            Enabled = false;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledNNPACKEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledNnpack(IntPtr context);

    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledNNPACKEb")]
    private static extern void SetUserEnabledNnpack(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    [DllImport(Library, EntryPoint = "_ZN2at6native17_nnpack_availableEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool NnpackAvailable();
}
