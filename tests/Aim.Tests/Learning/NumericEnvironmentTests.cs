using System.Runtime.Intrinsics.X86;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Aim.Experiments.Reports;
using Aim.Experiments.Results;
using Aim.Experiments.Running;
using Aim.Learning.Torch;
using Aim.Learning.Training;
using Aim.Tests.Cli;
using Aim.Tests.Experiments;

namespace Aim.Tests.Learning;

/// <summary>Runs record the numeric environment they computed in, and tables say when theirs differ.</summary>
[Collection(SerialRuns.Name)]
public sealed class NumericEnvironmentTests : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
    private readonly string _root = Path.Combine(Path.GetTempPath(), "aim-numeric-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void ARunRecordsItsNumericEnvironmentInOptionsAndSummary()
    {
        var trainer = new TrainerOptions { Seed = 1, TotalEnvSteps = 60, WarmUpSteps = 30, EvalEvery = 30, EvalEpisodes = 1 };
        RunResult result = ExperimentRunner.Run(new RunSpec("empty-6x6", "bc", trainer), _root);

        foreach (string file in (string[])["options.json", "summary.json"])
        {
            JsonNode environment = JsonNode.Parse(File.ReadAllText(Path.Combine(result.Directory!, file)))![ExperimentRunner.NumericEnvironmentKey]!;
            Assert.False(string.IsNullOrWhiteSpace(environment["CpuModel"]!.GetValue<string>()));
            Assert.Equal("2.10.0", environment["LibTorchVersion"]!.GetValue<string>());
            Assert.StartsWith("0.107", environment["TorchSharpVersion"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(1, environment["TorchThreads"]!.GetValue<int>());
            Assert.Equal(NumericEnvironment.Current().Path, environment["Path"]!.GetValue<string>());
        }

        Assert.Equal(NumericEnvironment.Current().Path, RunLoader.Load(result.Directory!).NumericPath);
    }

    /// <summary>
    /// The default pins reach the libraries: libtorch reports ATen's AVX2 kernels on a CPU that has AVX-512 too and
    /// NNPACK is off. On Intel CPUs oneDNN is limited to AVX2 and MKL reports its AVX2 branch; on others oneDNN is off and
    /// MKL reports its compatible branch (MKL refuses AVX2 there, its automatic branch changes with the CPU generation,
    /// and oneDNN's AVX2 kernels returned NaN on Zen 5).
    /// </summary>
    [Fact]
    public void TheDefaultPinsReachLibtorchOnAnAvx2Cpu()
    {
        NumericEnvironment environment = NumericEnvironment.Current();
        bool forced = new[] { NumericPins.AtenVariable, NumericPins.OneDnnVariable, NumericPins.MklVariable }
            .Select(Environment.GetEnvironmentVariable)
            .SequenceEqual(NumericPins.Values(NumericMode.Pinned).Select(v => v.Value)) is false;
        if (NumericPins.Mode != NumericMode.Pinned || !Avx2.IsSupported || !Fma.IsSupported || forced)
        {
            // Another mode, variables the user set, or a CPU without AVX2: the default AVX2 pins are not what this
            // process asked for, so there is nothing of theirs to check.
            return;
        }

        if (environment.CpuVendor != "GenuineIntel")
        {
            Assert.Equal(("AVX2", "off", "off", "COMPATIBLE"), (environment.AtenCapability, environment.OneDnn, environment.Nnpack, environment.MklBranch));
            Assert.Equal($"aten=AVX2 mkl=COMPATIBLE onednn=off nnpack=off threads=1 cpu={environment.CpuVendor}", environment.Path);
            return;
        }

        // Intel: MKL honours AVX2 (its documented behaviour, not yet observed here) or falls back to AUTO.
        string mkl = environment.MklBranch == "AUTO" ? "AUTO" : "AVX2";
        Assert.Equal(("AVX2", "AVX2", "on", "off", mkl), (environment.AtenCapability, environment.OneDnnMaxIsa, environment.OneDnn, environment.Nnpack, environment.MklBranch));
        Assert.Equal($"aten=AVX2 mkl={mkl} onednn=AVX2 nnpack=off threads=1 cpu={environment.CpuVendor}", environment.Path);
    }

    [Fact]
    public void TablesOfRunsFromTwoNumericPathsWarnAndTheReportSaysSo()
    {
        using var runs = new HandMadeRuns(Path.Combine(_root, "runs"));
        string a = runs.Add("multiroom-6", "aim", 0, [(200, 200, 0.1), (400, 260, 0.5)]);
        string b = runs.Add("multiroom-6", "aim", 1, [(200, 200, 0.2), (400, 250, 0.6)]);
        Record(a, "aten=AVX2 mkl=COMPATIBLE onednn=off nnpack=off threads=1 cpu=AuthenticAMD");
        Record(b, "aten=AVX2 mkl=COMPATIBLE onednn=off nnpack=off threads=1 cpu=AuthenticAMD");
        Assert.Null(ResultSet.Load(runs.Root).NumericPathWarning);

        Record(b, "aten=AVX512 mkl=AUTO onednn=AVX512_CORE nnpack=on threads=1 cpu=AuthenticAMD");
        ResultSet mixed = ResultSet.Load(runs.Root);
        string warning = Assert.IsType<string>(mixed.NumericPathWarning);
        Assert.Contains("2 numeric environments", warning);
        Assert.Contains("aten=AVX512", warning);
        Assert.Contains("Warning: " + System.Net.WebUtility.HtmlEncode(warning), ExperimentReport.ToHtml(mixed));

        string published = Path.Combine(_root, "published");
        PublishedResults.Write(mixed, published, 0.5, "aim sweep --config sweeps/x.json");
        string readme = File.ReadAllText(Path.Combine(published, "README.md"));
        Assert.Contains("1 run(s) on `aten=AVX2 mkl=COMPATIBLE onednn=off nnpack=off threads=1 cpu=AuthenticAMD` (AMD EPYC; libtorch 2.10.0", readme);
        Assert.Contains("1 run(s) on `aten=AVX512 mkl=AUTO", readme);
    }

    [Fact]
    public void AnUnknownNumericPathModeIsRefusedNamingTheValue()
    {
        // Loaded and pinned first, so no other test can start libtorch while the variable holds the bad value.
        TorchRuntime.Initialize();
        string? before = Environment.GetEnvironmentVariable(NumericPins.ModeVariable);
        try
        {
            Environment.SetEnvironmentVariable(NumericPins.ModeVariable, "fastest");
            var e = Assert.Throws<InvalidOperationException>(NumericPins.Pin);
            Assert.Contains("AIM_NUMERIC_PATH='fastest'", e.Message);
            Assert.Contains("'pinned'", e.Message);
            Assert.Contains("'portable'", e.Message);
            Assert.Contains("'native'", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NumericPins.ModeVariable, before);
        }
    }

    /// <summary>Writes a numeric environment with <paramref name="path"/>'s parts into a hand-made run's summary.json.</summary>
    private static void Record(string runDirectory, string path)
    {
        Dictionary<string, string> parts = path.Split(' ').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var environment = new NumericEnvironment(
            CpuVendor: parts.GetValueOrDefault("cpu", "AuthenticAMD"),
            CpuModel: "AMD EPYC",
            CpuFeatures: "avx2 fma avx512f avx512bw avx512vl avx512dq",
            AtenCapability: parts["aten"],
            OneDnnMaxIsa: parts["onednn"] == "off" ? "AVX2" : "ALL",
            MklBranch: parts["mkl"],
            TorchThreads: int.Parse(parts["threads"], System.Globalization.CultureInfo.InvariantCulture),
            OneDnn: parts["onednn"] == "off" ? "off" : "on",
            Nnpack: parts["nnpack"],
            Mode: parts["onednn"] == "off" ? "Portable" : "Native",
            LibTorchVersion: "2.10.0",
            TorchSharpVersion: "0.107.0",
            MklVersion: "2024.2",
            OneDnnVersion: "v3.7.1");
        Assert.Equal(path, environment.Path);
        var summary = new JsonObject { [ExperimentRunner.NumericEnvironmentKey] = JsonSerializer.SerializeToNode(environment, s_json) };
        File.WriteAllText(Path.Combine(runDirectory, "summary.json"), summary.ToJsonString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
