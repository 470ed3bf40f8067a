using System.Reflection;
using System.Runtime.Loader;

namespace Aim.Interactive;

/// <summary>
/// Answers failed binds of <c>FSharp.Core</c> with the copy the process already holds.
/// </summary>
/// <remarks>
/// The .NET Interactive kernel (1.0.712001) ships FSharp.Core 10.0 (assembly version 10.0.0.0) and loads it
/// at start-up; Plotly.NET 6 and Deedle 8.1 are compiled against 10.1.0.0. A lower version in the trusted platform list
/// cannot satisfy that bind, so the runtime raises <see cref="AppDomain.AssemblyResolve"/>, and this handler returns the
/// loaded 10.0 copy. Every FSharp.Core member those packages use exists in 10.0 (see environment.md). The handler must be
/// installed before any F#-compiled code is JIT-compiled.
/// </remarks>
internal static class FSharpCoreRedirect
{
    private static int s_installed;

    /// <summary>Installs the handler once per process.</summary>
    internal static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.AssemblyResolve += static (_, e) =>
        {
            if (new AssemblyName(e.Name).Name != "FSharp.Core")
            {
                return null;
            }

            return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a =>
                a.GetName().Name == "FSharp.Core" && AssemblyLoadContext.GetLoadContext(a) == AssemblyLoadContext.Default);
        };
    }
}
