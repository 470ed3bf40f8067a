using Aim.Core.Resume;
using TorchSharp;

namespace Aim.Learning.Torch;

/// <summary>
/// One place that prepares TorchSharp for use: pins the code paths of libtorch's libraries so runs reproduce on any
/// x86-64 CPU with AVX2 (see <see cref="NumericPins"/>), loads the native library, turns NNPACK off where it cannot run (see
/// <see cref="NnpackSwitch"/>), sets the thread count and seeds.
/// </summary>
/// <remarks>
/// In a notebook kernel TorchSharp's native loader runs only from the static initialiser of <c>torch</c>; building a
/// module before any <c>torch.*</c> call fails with <see cref="DllNotFoundException"/>. <see cref="Initialize"/> makes
/// that first call. One thread is the default: libtorch's OpenMP pool spin-waits and collapses when anything else
/// shares the CPU (environment.md).
/// </remarks>
public static class TorchRuntime
{
    private static readonly object s_gate = new();
    private static bool s_initialized;

    /// <summary>Loads the native library (once) and sets the number of intra-op threads.</summary>
    /// <param name="threads">Intra-op threads; default 1 (see remarks).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threads"/> is not positive.</exception>
    public static void Initialize(int threads = 1)
    {
        if (threads <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "The torch thread count must be positive.");
        }

        lock (s_gate)
        {
            if (!s_initialized)
            {
                // Before libtorch computes anything: MKL, oneDNN and ATen read their paths once.
                NumericPins.Pin();
                torch.InitializeDeviceType(DeviceType.CPU);

                // Pinned paths: oneDNN and NNPACK off. Native paths: NNPACK off only where it cannot run (otherwise
                // libtorch logs a warning at every convolution on CPUs NNPACK does not support).
                NumericPins.ApplySwitches();
                NnpackSwitch.DisableWhereUnavailable();
                s_initialized = true;
            }

            if (torch.get_num_threads() != threads)
            {
                torch.set_num_threads(threads);
            }
        }
    }

    /// <summary>Whether <see cref="Initialize"/> has loaded the native library and pinned the numeric paths.</summary>
    public static bool IsInitialized
    {
        get
        {
            lock (s_gate)
            {
                return s_initialized;
            }
        }
    }

    /// <summary>
    /// Intra-op threads of the calling thread. With OpenMP the count is a per-thread setting: a run continued on a new
    /// thread must set it there (<see cref="Initialize"/>) to compute exactly as it would have on the thread that made it.
    /// </summary>
    public static int CurrentThreads => torch.get_num_threads();

    /// <summary>Seeds TorchSharp's global generator (weight initialisation, dropout) for a reproducible run.</summary>
    public static void Seed(int seed)
    {
        Initialize(torch.get_num_threads() > 0 ? Math.Max(1, torch.get_num_threads()) : 1);
        torch.manual_seed(seed);
    }

    /// <summary>
    /// Writes the state of TorchSharp's global generator into a run's resumable state. The project draws from it only
    /// to initialise weights, but a resumed run restores it all the same, so nothing drawn later can differ.
    /// </summary>
    public static void WriteGeneratorState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("torch-generator");
        using torch.Tensor state = torch.random.get_rng_state();
        writer.WriteBytes(state.bytes);
    }

    /// <summary>Restores what <see cref="WriteGeneratorState"/> wrote.</summary>
    public static void ReadGeneratorState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("torch-generator");
        using torch.Tensor state = torch.random.get_rng_state();
        var bytes = new byte[state.NumberOfElements * state.ElementSize];
        reader.ReadExactly(bytes);
        state.bytes = bytes;
        torch.random.set_rng_state(state);
    }
}
