namespace Aim.Learning.Torch;

/// <summary>
/// Calls into libtorch's exported C++ functions (by their Itanium-mangled names), which exist only in the Linux and
/// macOS builds the project can bind that way: elsewhere, or when libtorch lacks a function, the call is not made.
/// </summary>
internal static class LibTorchExports
{
    /// <summary>The value <paramref name="call"/> returns; null where it cannot be reached.</summary>
    public static T? TryGet<T>(Func<T> call)
        where T : struct
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return null;
        }

        try
        {
            return call();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Runs <paramref name="call"/>; false where it cannot be reached.</summary>
    public static bool TryRun(Action call) => TryGet(() =>
    {
        call();
        return true;
    }) ?? false;
}
