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

    /// <summary>The branch in effect (null before <see cref="Pin"/>).</summary>
    public static string? Branch { get; private set; }

    /// <summary>Sets <see cref="Variable"/> for this process unless it is set already.</summary>
    public static void Pin()
    {
        string? branch = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(branch))
        {
            branch = Avx2.IsSupported ? "AVX2" : "COMPATIBLE";
            Environment.SetEnvironmentVariable(Variable, branch);
            if (!OperatingSystem.IsWindows())
            {
                // .NET keeps its own copy of the environment on Unix; native code reads the C library's.
                _ = SetEnv(Variable, branch, overwrite: 1);
            }
        }

        Branch = branch;
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
