using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using System.Text.RegularExpressions;
using TorchSharp;

namespace Aim.Learning.Torch;

/// <summary>
/// The numeric environment a run computed in: the CPU, the code paths libtorch's libraries took on it, their versions
/// and the thread count. Two runs with the same <see cref="Path"/> and seed give the same bits; runs on different paths
/// agree only statistically (docs/reproducibility.md). Written into every run's options.json and summary.json.
/// </summary>
/// <param name="CpuVendor">The CPU's maker as it names itself (x86: <c>GenuineIntel</c>, <c>AuthenticAMD</c>; else the architecture).</param>
/// <param name="CpuModel">The CPU's model name (Linux: /proc/cpuinfo; Windows: PROCESSOR_IDENTIFIER; else the architecture).</param>
/// <param name="CpuFeatures">The SIMD extensions the CPU offers that change libtorch's paths (e.g. <c>avx2 fma avx512f avx512bw avx512vl avx512dq</c>).</param>
/// <param name="AtenCapability">The instruction set of ATen's vectorised kernels, as libtorch reports it (<c>AVX2</c>, <c>AVX512</c>, <c>DEFAULT</c>; <c>unknown</c> where it cannot be asked).</param>
/// <param name="OneDnnMaxIsa">oneDNN's instruction-set limit (<c>ONEDNN_MAX_CPU_ISA</c>); <c>ALL</c> when unset.</param>
/// <param name="MklBranch">MKL's code branch in effect (<c>MKL_CBWR</c>), as MKL reports it.</param>
/// <param name="TorchThreads">libtorch's intra-op threads of the thread that recorded this (runs use 1 unless told).</param>
/// <param name="OneDnn">Whether oneDNN's convolutions are on (<c>on</c>, <c>off</c>; <c>unknown</c> where the switch cannot be read).</param>
/// <param name="Nnpack">Whether NNPACK's convolutions are on (<c>on</c>, <c>off</c>: pinned off, or unavailable on this CPU).</param>
/// <param name="Mode">How far the paths were pinned (<see cref="NumericMode"/>: <c>Pinned</c>, <c>Portable</c> or <c>Native</c>).</param>
/// <param name="LibTorchVersion">libtorch's version.</param>
/// <param name="TorchSharpVersion">TorchSharp's version.</param>
/// <param name="MklVersion">MKL's version, from libtorch's build configuration.</param>
/// <param name="OneDnnVersion">oneDNN's version, from libtorch.</param>
public sealed record NumericEnvironment(
    string CpuVendor,
    string CpuModel,
    string CpuFeatures,
    string AtenCapability,
    string OneDnnMaxIsa,
    string MklBranch,
    int TorchThreads,
    string OneDnn,
    string Nnpack,
    string Mode,
    string LibTorchVersion,
    string TorchSharpVersion,
    string MklVersion,
    string OneDnnVersion)
{
    private static readonly object s_gate = new();
    private static NumericEnvironment? s_process;

    /// <summary>
    /// The numeric path: what decides the bits of a seeded run (ATen's kernels, MKL's branch, oneDNN and its effective
    /// instruction set, NNPACK, the thread count), e.g. <c>aten=AVX2 mkl=COMPATIBLE onednn=off nnpack=off threads=1</c>.
    /// The CPU's maker always ends the path (<c>… cpu=AuthenticAMD</c>): where a library chooses by the CPU (MKL's
    /// automatic branch, oneDNN, NNPACK) the maker's instruction sets and caches decide, and where nothing does (the
    /// portable mode) the same bits across makers are a claim until a machine of each maker has recorded them, so
    /// golden hashes of one maker are never held against another's run.
    /// </summary>
    public string Path =>
        $"aten={AtenCapability} mkl={MklBranch} onednn={(OneDnn == "on" ? EffectiveOneDnnIsa : OneDnn)} nnpack={Nnpack} threads={TorchThreads} cpu={CpuVendor}";

    /// <summary>oneDNN's instruction set: the limit, or with none the CPU's best that oneDNN's f32 kernels use.</summary>
    private string EffectiveOneDnnIsa =>
        OneDnnMaxIsa != "ALL" ? OneDnnMaxIsa.ToUpperInvariant()
        : CpuFeatures.Contains("avx512f", StringComparison.Ordinal) ? "AVX512_CORE"
        : CpuFeatures.Contains("avx2", StringComparison.Ordinal) ? "AVX2"
        : "SSE41";

    /// <summary>
    /// The numeric environment of the calling thread, after <see cref="TorchRuntime.Initialize"/> (called here if it
    /// was not). The process-wide part is read from libtorch once; the thread count is the caller's.
    /// </summary>
    public static NumericEnvironment Current()
    {
        if (!TorchRuntime.IsInitialized)
        {
            TorchRuntime.Initialize();
        }

        lock (s_gate)
        {
            s_process ??= Read();
        }

        return s_process with { TorchThreads = torch.get_num_threads() };
    }

    private static NumericEnvironment Read()
    {
        string configuration = LibTorchInfo.Configuration ?? "";
        string mklVersion = Match(configuration, @"Math Kernel Library Version (\S+?)(-Product)?\s") ?? "unknown";
        string libTorchVersion = Match(configuration, @"TORCH_VERSION=([^,\s]+)") ?? torch.__version__;
        string oneDnn = Match(LibTorchInfo.OneDnnVersion ?? "", @"(v[\d.]+)") ?? "unknown";
        string torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
        string? oneDnnLimit = Environment.GetEnvironmentVariable(NumericPins.OneDnnVariable);
        return new NumericEnvironment(
            CpuVendor: ReadCpuVendor(),
            CpuModel: ReadCpuModel(),
            CpuFeatures: ReadCpuFeatures(),
            AtenCapability: LibTorchInfo.CpuCapability
                ?? Environment.GetEnvironmentVariable(NumericPins.AtenVariable)?.ToUpperInvariant()
                ?? "unknown",
            OneDnnMaxIsa: string.IsNullOrWhiteSpace(oneDnnLimit) ? "ALL" : oneDnnLimit.Trim(),
            MklBranch: LibTorchInfo.MklBranch ?? Environment.GetEnvironmentVariable(NumericPins.MklVariable) ?? "unknown",
            TorchThreads: torch.get_num_threads(),
            OneDnn: OnOff(OneDnnSwitch.Enabled),
            Nnpack: OnOff(NnpackSwitch.EnabledOrNull),
            Mode: NumericPins.Mode.ToString(),
            LibTorchVersion: libTorchVersion,
            TorchSharpVersion: torchSharp.Split('+')[0],
            MklVersion: mklVersion,
            OneDnnVersion: oneDnn);
    }

    private static string OnOff(bool? enabled) => enabled switch { true => "on", false => "off", null => "unknown" };

    private static string? Match(string text, string pattern)
    {
        System.Text.RegularExpressions.Match match = Regex.Match(text, pattern);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The CPU's maker as it names itself (CPUID on x86: <c>GenuineIntel</c>, <c>AuthenticAMD</c>; else the architecture).</summary>
    internal static string ReadCpuVendor()
    {
        if (!X86Base.IsSupported)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }

        // CPUID leaf 0: the maker's twelve-letter name in EBX, EDX, ECX.
        (int _, int ebx, int ecx, int edx) = X86Base.CpuId(0, 0);
        Span<byte> name = stackalloc byte[12];
        BitConverter.TryWriteBytes(name[..4], ebx);
        BitConverter.TryWriteBytes(name[4..8], edx);
        BitConverter.TryWriteBytes(name[8..], ecx);
        return System.Text.Encoding.ASCII.GetString(name);
    }

    private static string ReadCpuModel()
    {
        if (OperatingSystem.IsLinux() && File.Exists("/proc/cpuinfo"))
        {
            foreach (string line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }

        return Environment.GetEnvironmentVariable("PROCESSOR_IDENTIFIER") is { Length: > 0 } identifier
            ? identifier
            : $"unknown ({RuntimeInformation.ProcessArchitecture})";
    }

    private static string ReadCpuFeatures()
    {
        var features = new List<string>();
        if (Avx2.IsSupported)
        {
            features.Add("avx2");
        }

        if (Fma.IsSupported)
        {
            features.Add("fma");
        }

        if (Avx512F.IsSupported)
        {
            features.Add("avx512f");
        }

        if (Avx512BW.IsSupported)
        {
            features.Add("avx512bw");
        }

        if (Avx512F.VL.IsSupported)
        {
            features.Add("avx512vl");
        }

        if (Avx512DQ.IsSupported)
        {
            features.Add("avx512dq");
        }

        return features.Count > 0 ? string.Join(' ', features) : $"none ({RuntimeInformation.ProcessArchitecture})";
    }
}
