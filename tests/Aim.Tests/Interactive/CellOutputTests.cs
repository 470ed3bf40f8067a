using Aim.Core.Envs;
using Aim.Experiments.Charts;
using Aim.Interactive;
using Aim.Interactive.Display;
using Deedle;
using Plotly.NET.CSharp;

namespace Aim.Tests.Interactive;

public class CellOutputTests
{
    [Fact]
    public void OutsideAKernelChartsAndFramesAreNumberedFilesInTheOrderShown()
    {
        string folder = TempFolder();
        try
        {
            var output = ScriptOutput.For("99-test", [folder]);
            output.Show(Chart.Line<int, int, string>(x: [1, 2], y: [2, 1]).WithTitle("t"));
            output.Show(new RgbFrame(2, 2));
            output.Show(Chart.Line<int, int, string>(x: [1, 2], y: [1, 2]));
            Assert.Equal(["01-chart.html", "02-frame.png", "03-chart.html"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void OutsideAKernelShowGoesToTheScriptOutput()
    {
        Assert.False(Notebook.IsInKernel);
        string folder = TempFolder();
        try
        {
            CellOutput.Script = ScriptOutput.For("99-test", [folder]);
            CellOutput.Show(new RgbFrame(2, 2));
            Assert.True(File.Exists(Path.Combine(folder, "01-frame.png")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void PlainTextShowsTablesDictionariesAndSequencesAsText()
    {
        string nl = Environment.NewLine;
        Assert.Equal("<null>", PlainText.Format(null));
        Assert.Equal("0.5", PlainText.Format(0.5));
        Assert.Equal($"a: 1{nl}b: 2", PlainText.Format(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2 }));
        Assert.Equal($"x{nl}y", PlainText.Format(new List<string> { "x", "y" }));
        string frame = PlainText.Format(Frame.FromRecords(new[] { new { Region = "left", Error = 0.25 } }));
        Assert.Contains("Region", frame);
        Assert.Contains("left", frame);
    }

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "aim-cell-output-" + Guid.NewGuid().ToString("N"));
}
