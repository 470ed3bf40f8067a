using Aim.Interactive.Display;
using Aim.Learning.Torch;

namespace Aim.Interactive;

/// <summary>
/// Notebook-wide helpers: one-time initialisation, fast mode (<c>AIM_FAST=1</c>) and whether code runs in a kernel.
/// </summary>
public static class Notebook
{
    /// <summary>The environment variable that switches on fast mode.</summary>
    public const string FastVariable = "AIM_FAST";

    private static readonly object s_gate = new();
    private static bool s_initialized;

    /// <summary>
    /// Whether fast mode is on: <c>AIM_FAST</c> is <c>1</c> or <c>true</c>. Notebooks shrink their budgets in fast mode
    /// (see <see cref="Fast{T}"/>) so that every notebook executes in seconds in continuous integration, and live
    /// displays show only their final value.
    /// </summary>
    public static bool IsFast
    {
        get
        {
            string? value = Environment.GetEnvironmentVariable(FastVariable);
            return value is not null && (value.Trim() == "1" || value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>Whether the caller runs inside a .NET Interactive kernel command (a notebook cell).</summary>
    public static bool IsInKernel => KernelBridge.IsInCell;

    /// <summary>Picks a budget: <paramref name="full"/> normally, <paramref name="fast"/> when <see cref="IsFast"/>.</summary>
    /// <example><c>int steps = Notebook.Fast(full: 2_000, fast: 200);</c></example>
    public static T Fast<T>(T full, T fast) => IsFast ? fast : full;

    /// <summary>
    /// Prepares the process for notebook use; idempotent. The kernel extension calls it when the package loads, so
    /// notebooks never need to. It installs the FSharp.Core redirect (Plotly.NET and Deedle in the stock kernel),
    /// registers the HTML formatters when a kernel is present (offline Plotly charts, Deedle frames and series,
    /// comparison tables, <see cref="Aim.Core.Envs.RgbFrame"/> images) and loads TorchSharp's native library with one
    /// intra-op thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">TorchSharp's native library could not be loaded.</exception>
    public static void Initialize()
    {
        lock (s_gate)
        {
            if (s_initialized)
            {
                return;
            }

            FSharpCoreRedirect.Install();
            if (KernelBridge.IsAvailable)
            {
                Formatters.Register();
            }

            try
            {
                TorchRuntime.Initialize(threads: 1);
            }
            catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or NotSupportedException or BadImageFormatException)
            {
                throw new InvalidOperationException(
                    "TorchSharp's native library could not be loaded. On Linux, run scripts/setup-notebooks.sh once (it patches "
                    + "the NuGet-cache copy of libLibTorchSharp.so for libstdc++ without GLIBCXX_3.4.32) and restart the kernel. "
                    + "See environment.md.",
                    e);
            }

            s_initialized = true;
        }
    }
}
