#:project ../src/Aim.Experiments/Aim.Experiments.csproj

// Whether AIM's signal is there: final and best success with 95 % t-intervals, the expert cost to reach 0.5 and 0.7,
// the area under success against expert cost, and the help requests in safety-critical states against elsewhere, for
// every task × series of the run folders given (sweep or compare output folders, or run directories).
//   dotnet run scripts/signal-table.cs [--horizon 600] folder [folder …]
using Aim.Experiments.Results;

double horizon = 600;
var folders = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--horizon")
    {
        horizon = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    }
    else
    {
        folders.Add(args[i]);
    }
}

if (folders.Count == 0)
{
    Console.Error.WriteLine("usage: dotnet run scripts/signal-table.cs [--horizon 600] folder [folder …]");
    return 2;
}

ResultSet results = ResultSet.Load(folders, finishedOnly: true);
Console.WriteLine($"{results.Runs.Count} finished runs");
Console.Write(SignalTable.ToMarkdown(results, new[] { 0.5, 0.7 }, horizon));
return 0;
