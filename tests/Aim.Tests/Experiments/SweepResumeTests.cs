using Aim.Experiments.Sweeps;

namespace Aim.Tests.Experiments;

public sealed class SweepResumeTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-resume-{Guid.NewGuid():N}");

    private static SweepPlan Plan(string set, string grid = """{ "delta": [0.1, 0.2] }""") => SweepPlan.From(SweepConfig.Parse($$"""
        { "name": "t", "tasks": ["empty-6x6"], "methods": ["aim"], "seeds": 2, "set": {{set}}, "grid": {{grid}} }
        """));

    [Fact]
    public void TheSameConfigResumes()
    {
        SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 1000 }"""));
        SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 1000 }"""));
    }

    [Fact]
    public void AnEditedFixedSettingIsRefusedNamingTheDifference()
    {
        SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 1000 }"""));
        var ex = Assert.Throws<InvalidOperationException>(() => SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 2000 }""")));
        Assert.Contains("holds a different sweep: run empty-6x6__aim__delta-0.1__s0 has total_env_steps=1000 in its sweep.json, the config gives total_env_steps=2000", ex.Message);
    }

    [Fact]
    public void AnAddedOrRemovedSettingIsRefused()
    {
        SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 1000 }"""));
        var added = Assert.Throws<InvalidOperationException>(() => SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 1000, "td_weight": 0.5 }""")));
        Assert.Contains("has no td_weight in its sweep.json, the config gives td_weight=0.5", added.Message);
        var other = Assert.Throws<InvalidOperationException>(() => SweepManifest.Write(_folder, Plan("""{ "total_env_steps": 1000 }""", """{ "delta": [0.1, 0.3] }""")));
        Assert.Contains("run 3 is empty-6x6__aim__delta-0.2__s0 in its sweep.json but empty-6x6__aim__delta-0.3__s0 in the config", other.Message);
    }

    [Theory]
    [InlineData("""{"foo":1}""", "it has no 'config' object")]
    [InlineData("""[1, 2""", "is not valid JSON")]
    public void ADamagedManifestIsNamedNotANullReference(string manifest, string expected)
    {
        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, SweepManifest.FileName);
        File.WriteAllText(path, manifest);
        var ex = Assert.Throws<InvalidDataException>(() => SweepManifest.Read(_folder));
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
