#:project ../src/Aim.Envs/Aim.Envs.csproj
// Regenerates the grid documentation artefacts: one rendered frame per task under docs/images/ and the clean
// expert's success table over 100 seeds per task (printed as Markdown).
// Usage, from the repository root: dotnet run tools/grid-docs.cs
using System.Diagnostics;
using Aim.Core.Envs;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;

const int Seeds = 100;
Directory.CreateDirectory("docs/images");
Console.WriteLine("| Task | Success | Mean steps | Mean return | Plans per episode |");
Console.WriteLine("|---|---|---|---|---|");
foreach (string name in GridTasks.Names)
{
    GridEnv env = GridTasks.Create(name);
    env.Reset(0);
    env.Render().SavePng($"docs/images/grid-{name}.png");

    var expert = new ShortestPathExpert(env);
    int successes = 0;
    long steps = 0;
    double returns = 0;
    var watch = Stopwatch.StartNew();
    for (int seed = 0; seed < Seeds; seed++)
    {
        env.Reset(seed);
        StepResult<byte[]> r;
        do
        {
            r = env.Step(expert.Act());
            steps++;
            returns += r.Reward;
        }
        while (!r.Done);

        successes += r.Info.IsSuccess ? 1 : 0;
    }

    Console.WriteLine($"| {name} | {successes / (double)Seeds:F2} | {steps / (double)Seeds:F1} | {returns / Seeds:F3} | {expert.PlanCount / (double)Seeds:F2} |");
}
