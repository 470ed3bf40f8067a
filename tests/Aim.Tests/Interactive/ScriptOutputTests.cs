using Aim.Core.Envs;
using Aim.Experiments.Charts;
using Aim.Interactive;
using Plotly.NET.CSharp;

namespace Aim.Tests.Interactive;

public class ScriptOutputTests
{
    [Fact]
    public void SavesChartsAndFramesIntoTheGivenFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "aim-script-output-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = ScriptOutput.For("99-test", [folder]);
            Assert.Equal(Path.GetFullPath(folder), output.Folder);
            string chart = output.Save(Chart.Line<int, int, string>(x: [1, 2], y: [2, 1]).WithTitle("t"), "line");
            string frame = output.Save(new RgbFrame(2, 2), "frame");
            Assert.Equal(Path.Combine(output.Folder, "line.html"), chart);
            Assert.Contains("Plotly", File.ReadAllText(chart));
            Assert.True(new FileInfo(frame).Length > 0);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void DefaultsToTheArtifactsFolderOfTheScript()
    {
        var output = ScriptOutput.For("99-test", []);
        Assert.EndsWith(Path.Combine("artifacts", "scripts", "99-test"), output.Folder);
    }
}
