using System.Runtime.InteropServices;

namespace Aim.Learning.Torch;

/// <summary>
/// The C library's environment, which native code reads with <c>getenv</c>. On Unix .NET keeps its own copy:
/// <see cref="Environment.SetEnvironmentVariable(string, string?)"/> does not reach libtorch.
/// </summary>
internal static class NativeEnvironment
{
    /// <summary>Sets a variable; false when no C library with <c>setenv</c> could be found or it failed.</summary>
    public static bool Set(string name, string value)
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
