using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace Aim.Interactive;

/// <summary>
/// Loads ASP.NET Core's shared framework (Microsoft.AspNetCore.App) into a process started without it, so the play page
/// (<c>Aim.Play</c>, Kestrel) can run inside a notebook kernel.
/// </summary>
/// <remarks>
/// The .NET Interactive kernel and dotnet-repl run on Microsoft.NETCore.App only; a library's framework reference does
/// not add the ASP.NET Core framework to a running process, so binding <c>Microsoft.AspNetCore</c> fails. This handler
/// answers such binds from the installed shared framework beside the running runtime (same major version, the highest
/// patch installed), the same files an ASP.NET Core application would load. File-based twins and the command line get
/// the framework from their own runtime configuration and never call it.
/// </remarks>
internal static class AspNetCoreResolver
{
    private static int s_installed;

    /// <summary>Installs the handler once per process.</summary>
    internal static void Install()
    {
        if (Interlocked.Exchange(ref s_installed, 1) == 1)
        {
            return;
        }

        string? directory = FrameworkDirectory();
        if (directory is null)
        {
            return;
        }

        AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            string path = Path.Combine(directory, name.Name + ".dll");
            return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
        };
    }

    /// <summary>The installed Microsoft.AspNetCore.App folder matching the running runtime's major version, or null.</summary>
    private static string? FrameworkDirectory()
    {
        // RuntimeEnvironment's directory is …/shared/Microsoft.NETCore.App/{version}/.
        string runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        string? shared = Path.GetDirectoryName(Path.GetDirectoryName(runtime));
        string aspNet = Path.Combine(shared ?? string.Empty, "Microsoft.AspNetCore.App");
        if (!Directory.Exists(aspNet))
        {
            return null;
        }

        int major = Environment.Version.Major;
        return Directory.EnumerateDirectories(aspNet)
            .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out Version? v) ? v : null))
            .Where(d => d.Version is not null && d.Version.Major == major)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Path)
            .FirstOrDefault();
    }
}
