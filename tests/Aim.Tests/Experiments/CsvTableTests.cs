using Aim.Experiments.Results;

namespace Aim.Tests.Experiments;

public sealed class CsvTableTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"aim-csvtable-{Guid.NewGuid():N}");

    [Fact]
    public void TextIsQuotedWhereNeededAndNonFiniteNumbersAreEmpty()
    {
        string path = Path.Combine(_folder, "sub", "table.csv");
        CsvTable.Write(path, ["name", "value", "count"],
        [
            ["a,b", 0.1 + 0.2, 3],
            ["say \"x\"", double.NaN, null],
            ["plain", double.NegativeInfinity, 2.5f],
        ]);

        string n = Environment.NewLine;
        Assert.Equal($"name,value,count{n}\"a,b\",0.30000000000000004,3{n}\"say \"\"x\"\"\",,{n}plain,,2.5{n}", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void ARowOfTheWrongLengthLeavesNoFile()
    {
        string path = Path.Combine(_folder, "table.csv");
        Assert.Throws<ArgumentException>(() => CsvTable.Write(path, ["a", "b"], [[1.0, 2.0], [1.0]]));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_folder));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
