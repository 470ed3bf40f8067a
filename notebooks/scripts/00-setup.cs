#:project ../../src/Aim.Interactive/Aim.Interactive.csproj

// The experiment of notebooks/00-setup.ipynb as a file-based app: train a tiny TorchSharp network on sin(x), show the
// tables as text and write the charts as self-contained offline HTML pages.
//   dotnet run notebooks/scripts/00-setup.cs [output-folder]      (AIM_FAST=1 shrinks the budget, as in the notebook)
using Aim.Experiments.Charts;
using Aim.Interactive;
using Aim.Learning.Torch;
using Deedle;
using Microsoft.Data.Analysis;
using Plotly.NET.CSharp;
using TorchSharp;

TorchRuntime.Initialize(threads: 1);
Console.WriteLine($"TorchSharp {typeof(torch).Assembly.GetName().Version}, torch threads {torch.get_num_threads()}, fast mode {Notebook.IsFast}");

// Train a two-layer network on y = sin(x), x in [-3, 3].
torch.manual_seed(0);
var x = torch.linspace(-3, 3, 256).unsqueeze(1);
var y = torch.sin(x);
var model = torch.nn.Sequential(torch.nn.Linear(1, 32), torch.nn.Tanh(), torch.nn.Linear(32, 1));
var optimizer = torch.optim.Adam(model.parameters(), lr: 0.02);
int steps = Notebook.Fast(full: 1000, fast: 200);

var losses = new List<double>();
using (var progress = Progress.Start("train", total: steps))
{
    for (int step = 1; step <= steps; step++)
    {
        using var scope = torch.NewDisposeScope();
        optimizer.zero_grad();
        var loss = torch.nn.functional.mse_loss(model.call(x), y);
        loss.backward();
        optimizer.step();
        losses.Add(loss.item<float>());
        progress.Report(step, $"loss {losses[^1]:G3}");
    }
}

Console.WriteLine($"MSE {losses[0]:G3} -> {losses[^1]:G3}");

// Tables: per-point predictions (Microsoft.Data.Analysis) and the mean error per region (Deedle).
double[] xs, targets, predictions;
using (torch.no_grad())
{
    xs = x.squeeze(1).data<float>().Select(v => (double)v).ToArray();
    targets = y.squeeze(1).data<float>().Select(v => (double)v).ToArray();
    predictions = model.call(x).squeeze(1).data<float>().Select(v => (double)v).ToArray();
}

var df = new DataFrame(new DoubleDataFrameColumn("x", xs), new DoubleDataFrameColumn("sin(x)", targets), new DoubleDataFrameColumn("network", predictions));
Console.WriteLine(df.Head(5));

var errors = Frame.FromRecords(xs.Select((v, i) => new { Region = v < -1 ? "left" : v > 1 ? "right" : "middle", AbsError = Math.Abs(predictions[i] - targets[i]) }));
var meanError = errors.AggregateRowsBy<double, double>(new[] { "Region" }, new[] { "AbsError" }, s => Stats.mean(s));
meanError.Print();

// Charts, as self-contained pages that draw offline.
var output = ScriptOutput.For("00-setup", args);
output.Save(Chart.Line<int, double, string>(x: Enumerable.Range(1, losses.Count).ToArray(), y: losses.ToArray(), Name: "MSE")
    .WithTitle("Training loss")
    .WithAxisTitles(x: "gradient step", y: "MSE loss"), "loss");
output.Save(Chart.Combine(new[]
    {
        Chart.Line<double, double, string>(x: xs, y: targets, Name: "sin(x)"),
        Chart.Line<double, double, string>(x: xs, y: predictions, Name: "network"),
    })
    .WithTitle("What the network learned")
    .WithAxisTitles(x: "x", y: "y"), "fit");
