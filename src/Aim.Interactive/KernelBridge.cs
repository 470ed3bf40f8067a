using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace Aim.Interactive;

/// <summary>
/// Every call into Microsoft.DotNet.Interactive goes through here. Outside a kernel that assembly is absent (the library
/// references it compile-only), so callers check <see cref="IsAvailable"/> first and these methods are never JIT-compiled.
/// </summary>
internal static class KernelBridge
{
    private static readonly Lazy<bool> s_available = new(static () =>
        AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name == "Microsoft.DotNet.Interactive"));

    /// <summary>Whether the .NET Interactive assembly is loaded in this process.</summary>
    internal static bool IsAvailable => s_available.Value;

    /// <summary>Whether code is running inside a kernel command (a notebook cell).</summary>
    internal static bool IsInCell => IsAvailable && HasInvocationContext();

    /// <summary>Displays <paramref name="value"/> in the current cell and returns the handle for updates.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static object Display(object? value) => Kernel.display(value ?? string.Empty);

    /// <summary>Replaces the value shown under <paramref name="handle"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Update(object handle, object? value) => ((DisplayedValue)handle).Update(value ?? string.Empty);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool HasInvocationContext() => KernelInvocationContext.Current is not null;
}
