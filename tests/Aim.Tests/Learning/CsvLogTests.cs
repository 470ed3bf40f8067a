using Aim.Learning.Logging;
using nietras.SeparatedValues;

namespace Aim.Tests.Learning;

public sealed class CsvLogTests : IDisposable
{
    private static readonly string s_newLine = Environment.NewLine;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-csvlog-{Guid.NewGuid():N}");

    [Fact]
    public void NumbersAreInvariantRoundTripAndNaNOrMissingIsEmpty()
    {
        string path = Path.Combine(_folder, "log.csv");
        using (var log = new CsvLog(path, ["a", "b", "c", "d"]))
        {
            log.Write(new Dictionary<string, double> { ["a"] = 0.1 + 0.2, ["b"] = double.NaN, ["d"] = 1e-7 });
            log.Write(new Dictionary<string, double> { ["c"] = -0.0, ["d"] = double.PositiveInfinity });
        }

        Assert.Equal($"a,b,c,d{s_newLine}0.30000000000000004,,,1E-07{s_newLine},,-0,Infinity{s_newLine}", File.ReadAllText(path));
        Assert.Equal((byte)'a', File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void TheHeaderAndEachRowAreOnDiskWhileTheLogIsOpen()
    {
        string path = Path.Combine(_folder, "log.csv");
        using var log = new CsvLog(path, ["step", "value"]);
        Assert.Equal($"step,value{s_newLine}", ReadShared(path));
        log.Write(new Dictionary<string, double> { ["step"] = 1, ["value"] = 0.5 });
        Assert.Equal($"step,value{s_newLine}1,0.5{s_newLine}", ReadShared(path));
    }

    [Fact]
    public void AFieldWithACommaQuoteOrLineBreakRoundTrips()
    {
        string[] cells = ["x,y", "he said \"hi\"", "two\nlines", "plain"];
        string path = Path.Combine(_folder, "log.csv");
        using (var log = new CsvLog(path, ["a,b", "q\"", "c", "d"]))
        {
            log.WriteRaw(cells);
        }

        Assert.Equal($"\"a,b\",\"q\"\"\",c,d{s_newLine}\"x,y\",\"he said \"\"hi\"\"\",\"two\nlines\",plain{s_newLine}", File.ReadAllText(path));
        using SepReader reader = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        Assert.Equal(["a,b", "q\"", "c", "d"], reader.Header.ColNames);
        Assert.True(reader.MoveNext());
        Assert.Equal(cells, Enumerable.Range(0, cells.Length).Select(i => reader.Current[i].ToString()));
    }

    [Fact]
    public void ABadRowIsRejectedWholeAndTheLogGoesOn()
    {
        string path = Path.Combine(_folder, "log.csv");
        using (var log = new CsvLog(path, ["a", "b"]))
        {
            var e = Assert.Throws<ArgumentException>(() => log.Write(new Dictionary<string, double> { ["a"] = 1, ["z"] = 2 }));
            Assert.Contains("'z' is not a column", e.Message);
            Assert.Throws<ArgumentException>(() => log.WriteRaw("1"));
            log.WriteRaw("1", "2");
        }

        Assert.Equal($"a,b{s_newLine}1,2{s_newLine}", File.ReadAllText(path));
        Assert.Throws<ArgumentException>(() => new CsvLog(Path.Combine(_folder, "twice.csv"), ["a", "a"]));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The writer holds the file open for writing, so it is read allowing that.
    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
