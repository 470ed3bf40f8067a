using System.Runtime.InteropServices;

namespace Aim.Learning.Torch;

/// <summary>
/// What libtorch itself reports about the paths it computes with: the instruction set of ATen's vectorised kernels, its
/// build configuration (MKL and oneDNN versions) and MKL's code branch. TorchSharp has no bindings for these, so this
/// calls libtorch's exported functions by their Itanium-mangled names.
/// </summary>
/// <remarks>
/// The C++ functions return a <c>std::string</c>. On Linux x64 (System V ABI, libstdc++'s string layout: data pointer,
/// length, 16-byte local buffer) the caller passes the memory for the result and frees the heap copy of a long string
/// with <c>operator delete</c>. Elsewhere the ABI differs, so the string functions answer null there.
/// </remarks>
internal static class LibTorchInfo
{
    private const string Library = "libtorch_cpu";

    /// <summary>ATen's CPU capability (e.g. <c>AVX2</c>, <c>AVX512</c>, <c>DEFAULT</c>); null where it cannot be asked.</summary>
    public static string? CpuCapability => ReadString(CpuCapabilityNative);

    /// <summary>libtorch's build configuration (<c>at::show_config()</c>); null where it cannot be asked.</summary>
    public static string? Configuration => ReadString(ShowConfigNative);

    /// <summary>The oneDNN version line (<c>at::get_mkldnn_version()</c>); null where it cannot be asked.</summary>
    public static string? OneDnnVersion => ReadString(MkldnnVersionNative);

    /// <summary>
    /// MKL's code branch in effect (MKL's <c>MKL_CBWR_*</c> names without the prefix, e.g. <c>AVX2</c>, <c>AUTO</c>,
    /// <c>BRANCH_OFF</c> when no branch is set; <c>+STRICT</c> appended in strict mode); null where MKL cannot be asked.
    /// </summary>
    public static string? MklBranch
    {
        get
        {
            const int Branch = 1;
            const int Strict = 0x10000;
            if (LibTorchExports.TryGet(() => CbwrGet(Branch)) is not int code)
            {
                return null;
            }

            string name = (code & ~Strict) switch
            {
                0 => "OFF",
                1 => "BRANCH_OFF",
                2 => "AUTO",
                3 => "COMPATIBLE",
                4 => "SSE2",
                6 => "SSSE3",
                7 => "SSE4_1",
                8 => "SSE4_2",
                9 => "AVX",
                10 => "AVX2",
                12 => "AVX512",
                14 => "AVX512_E1",
                int other => $"code {other}",
            };
            return (code & Strict) != 0 ? name + "+STRICT" : name;
        }
    }

    private static string? ReadString(Func<IntPtr, IntPtr> function)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return null;
        }

        // libstdc++'s std::string: char* data; size_t length; char local[16] (or the capacity).
        IntPtr result = Marshal.AllocHGlobal(32);
        try
        {
            function(result);
            IntPtr data = Marshal.ReadIntPtr(result);
            long length = Marshal.ReadInt64(result, 8);
            string? text = Marshal.PtrToStringUTF8(data, checked((int)length));
            if (data != result + 16)
            {
                OperatorDelete(data);
            }

            return text;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            Marshal.FreeHGlobal(result);
        }
    }

    [DllImport(Library, EntryPoint = "_ZN2at18get_cpu_capabilityB5cxx11Ev")]
    private static extern IntPtr CpuCapabilityNative(IntPtr result);

    [DllImport(Library, EntryPoint = "_ZN2at11show_configB5cxx11Ev")]
    private static extern IntPtr ShowConfigNative(IntPtr result);

    [DllImport(Library, EntryPoint = "_ZN2at18get_mkldnn_versionB5cxx11Ev")]
    private static extern IntPtr MkldnnVersionNative(IntPtr result);

    [DllImport("libstdc++.so.6", EntryPoint = "_ZdlPv")]
    private static extern void OperatorDelete(IntPtr pointer);

    [DllImport(Library, EntryPoint = "mkl_serv_cbwr_get")]
    private static extern int CbwrGet(int what);
}
