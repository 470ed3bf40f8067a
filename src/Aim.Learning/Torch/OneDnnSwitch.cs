using System.Runtime.InteropServices;

namespace Aim.Learning.Torch;

/// <summary>
/// libtorch's user switch for oneDNN (MKL-DNN), which runs the grid network's batched convolutions when on. oneDNN
/// chooses its kernels and their blocking from the CPU it finds (instruction set, cache sizes), so the order in which a
/// convolution's products are summed, and with it the last bits, differs between CPUs. With the switch off libtorch
/// convolves by unfolding the input and one matrix product (MKL), whose branch can be pinned (<see cref="NumericPins"/>).
/// TorchSharp has no binding for the switch, so this calls libtorch's exported C++ functions by their Itanium-mangled
/// names (Linux and macOS); elsewhere, or when libtorch lacks them, reading gives null and setting does nothing.
/// </summary>
internal static class OneDnnSwitch
{
    private const string Library = "libtorch_cpu";

    /// <summary>The switch (<c>at::globalContext().userEnabledMkldnn()</c>); null where it cannot be reached.</summary>
    public static bool? Enabled => LibTorchExports.TryGet(() => UserEnabledMkldnn(GlobalContext()));

    /// <summary>Sets the switch; false where it cannot be reached.</summary>
    public static bool TrySet(bool enabled) => LibTorchExports.TryRun(() => SetUserEnabledMkldnn(GlobalContext(), enabled));

    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    private static extern IntPtr GlobalContext();

    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);

    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
