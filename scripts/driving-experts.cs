#:project ../src/Aim.Experiments/Aim.Experiments.csproj

// The expert table of docs/driving.md: each expert on every map of a set, mean ± std over noise seeds.
//   dotnet run scripts/driving-experts.cs [--seeds 5] [--ppo path/to/metadrive_ppo_20m_steps.zip] [--contact Physical]
// Columns: success, route completion, episodes with a crash, cost per episode, out of road, return, length, and the
// longest stretch of steps the ego stood still (what DrivingEnvOptions.StuckStepLimit is chosen against).
using System.Globalization;
using Aim.Core.Experts;
using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;
using Aim.Learning.Experts.Sb3;

int seeds = 5;
string? ppo = null;
var contact = ContactModel.Physical;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--seeds":
            seeds = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--ppo":
            ppo = args[++i];
            break;
        case "--contact":
            contact = Enum.Parse<ContactModel>(args[++i]);
            break;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: dotnet run scripts/driving-experts.cs [--seeds 5] [--ppo zip] [--contact Physical|StopDead|PassThrough]");
            return 2;
    }
}

var test = new DrivingEnvOptions { Maps = DrivingMaps.Test, Contact = contact };
var rows = new List<(string Name, DrivingEnvOptions Env, int Seeds, Func<DrivingEnv, Rng, IExpert<float[], float[]>> Make)>
{
    ("planner, test 1000-1049", test, seeds, (env, rng) => new DrivingExpert(env, rng)),
    ("planner, train 100-149", test with { Maps = DrivingMaps.Train }, seeds, (env, rng) => new DrivingExpert(env, rng)),
    ("planner, test, 2-3 lanes", test with { MinLaneCount = 2 }, seeds, (env, rng) => new DrivingExpert(env, rng)),
    ("planner, deterministic", test, 1, (env, rng) => new MeanOf(new DrivingExpert(env, rng))),
    ("planner, sigma (0.25, 0.6)", test, seeds, (env, rng) => new DrivingExpert(env, rng, new DrivingExpertOptions { SteerStd = 0.25, ThrottleStd = 0.6 })),
};
if (ppo is not null)
{
    rows.Add(("SB3 PPO, sampled", test, seeds, (env, rng) => Sb3Experts.LoadDriving(ppo, env, rng)));
    rows.Add(("SB3 PPO, mean action", test, 1, (env, rng) => new MeanOf(Sb3Experts.LoadDriving(ppo, env, rng))));
}

Console.WriteLine($"contact: {contact}");
Console.WriteLine("| expert | success | route completion | episodes with a crash | cost / episode | out of road | return | length | horizon reached | longest standstill (steps) |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach ((string name, DrivingEnvOptions options, int seedCount, var make) in rows)
{
    var perSeed = new List<double[]>();
    int longestStill = 0;
    for (int seed = 0; seed < seedCount; seed++)
    {
        var env = new DrivingEnv(options);
        IExpert<float[], float[]> expert = make(env, new Rng(seed));
        var sums = new double[8];
        foreach (int map in options.Maps.Seeds)
        {
            float[] obs = env.ResetToMap(map).Observation;
            bool crashed = false;
            double cost = 0;
            double ret = 0;
            int length = 0;
            while (true)
            {
                var step = env.Step(expert.Act(obs));
                obs = step.Observation;
                crashed |= env.LastEvents.Crash;
                cost += step.Info.Cost;
                ret += step.Reward;
                length++;
                longestStill = Math.Max(longestStill, env.StuckSteps);
                if (step.Done)
                {
                    sums[0] += step.Info.IsSuccess ? 1 : 0;
                    sums[1] += env.RouteCompletion;
                    sums[2] += crashed ? 1 : 0;
                    sums[3] += cost;
                    sums[4] += env.LastEvents.OutOfRoad ? 1 : 0;
                    sums[5] += ret;
                    sums[6] += length;
                    sums[7] += step.Truncated ? 1 : 0;
                    break;
                }
            }
        }

        (expert as IDisposable)?.Dispose();
        perSeed.Add([.. sums.Select(s => s / options.Maps.Count)]);
    }

    string Cell(int k, string format)
    {
        double[] values = [.. perSeed.Select(p => p[k])];
        double mean = values.Average();
        if (values.Length == 1)
        {
            return mean.ToString(format, CultureInfo.InvariantCulture);
        }

        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return FormattableString.Invariant($"{mean.ToString(format, CultureInfo.InvariantCulture)} ± {std.ToString(format, CultureInfo.InvariantCulture)}");
    }

    Console.WriteLine($"| {name} | {Cell(0, "F3")} | {Cell(1, "F3")} | {Cell(2, "F3")} | {Cell(3, "F3")} | {Cell(4, "F3")} | {Cell(5, "F1")} | {Cell(6, "F0")} | {Cell(7, "F3")} | {longestStill} |");
}

return 0;

/// <summary>Acts with the mean of a Gaussian expert (its deterministic action).</summary>
internal sealed class MeanOf(IGaussianExpert inner) : IExpert<float[], float[]>, IDisposable
{
    private readonly float[] _std = new float[2];

    public float[] Act(float[] observation)
    {
        var mean = new float[2];
        inner.Distribution(observation, mean, _std);
        return [Math.Clamp(mean[0], -1f, 1f), Math.Clamp(mean[1], -1f, 1f)];
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}
