using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Aim.Learning.Torch;

/// <summary>
/// Pins the code path of Intel MKL, which libtorch uses for matrix products on the CPU, so that a seed reproduces a
/// run bit for bit (MKL's "conditional numerical reproducibility").
/// </summary>
/// <remarks>
/// With MKL's default automatic dispatch, two identical runs in one process gave evaluation returns that differed in
/// the ninth digit on a 2-core AMD EPYC (the same layers, inputs and thread count; results depend on how MKL splits
/// the work for each call). Pinning a branch with <c>MKL_CBWR</c> removes that: the AVX2 branch wherever the CPU has
/// AVX2, else MKL's SSE2 "compatible" branch. MKL reads the variable at its first call, so it is set before libtorch
/// computes anything; a value the user set is kept. On Windows the C runtime's copy of the environment may not see a
/// value set after start-up: set <c>MKL_CBWR</c> before starting the process there.
/// </remarks>
internal static class MklReproducibility
{
    /// <summary>MKL's variable for the code branch.</summary>
    public const string Variable = "MKL_CBWR";

    /// <summary>The branch in effect (null before <see cref="Pin"/>, or when the C library's environment could not be set).</summary>
    public static string? Branch { get; private set; }

    /// <summary>Sets <see cref="Variable"/> for this process unless it is set already.</summary>
    public static void Pin()
    {
        string? branch = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(branch))
        {
            branch = Avx2.IsSupported ? "AVX2" : "COMPATIBLE";
            Environment.SetEnvironmentVariable(Variable, branch);
            if (!OperatingSystem.IsWindows() && !SetNativeVariable(Variable, branch))
            {
                // Runs still work; only the ninth digits may differ between identical runs.
                branch = null;
            }
        }

        Branch = branch;
    }

    /// <summary>
    /// Sets a variable in the C library's environment, which native code reads (.NET keeps its own copy on Unix).
    /// False when no C library with <c>setenv</c> could be found.
    /// </summary>
    private static bool SetNativeVariable(string name, string value)
    {
        // By file name: "libc" alone can resolve to glibc's linker script (libc.so), which cannot be loaded.
        foreach (string library in (string[])["libc.so.6", "libc.so.7", "libSystem.B.dylib", "libc"])
        {
            if (NativeLibrary.TryLoad(library, out IntPtr handle) && NativeLibrary.TryGetExport(handle, "setenv", out IntPtr setenv))
            {
                var call = Marshal.GetDelegateForFunctionPointer<SetEnv>(setenv);
                IntPtr n = Marshal.StringToHGlobalAnsi(name);
                IntPtr v = Marshal.StringToHGlobalAnsi(value);
                try
                {
                    return call(n, v, 1) == 0;
                }
                finally
                {
                    Marshal.FreeHGlobal(n);
                    Marshal.FreeHGlobal(v);
                }
            }
        }

        return false;
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SetEnv(IntPtr name, IntPtr value, int overwrite);
}
