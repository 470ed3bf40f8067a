using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Driving.Expert;

namespace Aim.Tests.Envs.Driving;

public class DrivingExpertTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(1013)]
    [InlineData(1029)]
    [InlineData(1046)]
    public void ReachesTheDestinationOnTestMaps(int mapSeed)
    {
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Test });
        var expert = new DrivingExpert(env, new Rng(mapSeed));
        float[] obs = env.ResetToMap(mapSeed).Observation;
        double cost = 0;
        for (int t = 0; t < 1500; t++)
        {
            var step = env.Step(expert.Act(obs));
            obs = step.Observation;
            cost += step.Info.Cost;
            if (step.Done)
            {
                Assert.True(step.Info.IsSuccess, $"Map {mapSeed}: ended at route completion {step.Info.RouteCompletion:F2} ({env.LastEvents}).");
                Assert.True(cost <= 3, $"Map {mapSeed}: cost {cost}.");
                return;
            }
        }

        Assert.Fail("The episode did not end.");
    }

    [Fact]
    public void SucceedsOnAtLeastNinetyPercentOfTheTestMaps()
    {
        // The figures in docs/driving.md: success 1.00, route completion 0.988, no crashes over 5 noise seeds.
        var env = new DrivingEnv(new DrivingEnvOptions { Maps = DrivingMaps.Test });
        var expert = new DrivingExpert(env, new Rng(0));
        int successes = 0;
        double completion = 0;
        foreach (int seed in DrivingMaps.Test.Seeds)
        {
            float[] obs = env.ResetToMap(seed).Observation;
            while (true)
            {
                var step = env.Step(expert.Act(obs));
                obs = step.Observation;
                if (step.Done)
                {
                    successes += step.Info.IsSuccess ? 1 : 0;
                    completion += step.Info.RouteCompletion;
                    break;
                }
            }
        }

        Assert.True(successes >= 45, $"{successes} / 50 successes.");
        Assert.True(completion / 50 >= 0.95, $"Route completion {completion / 50:F3}.");
    }

    [Fact]
    public void DistributionExposesThePlannersMeanAndTheConfiguredStd()
    {
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        var expert = new DrivingExpert(env, new Rng(1), new DrivingExpertOptions { SteerStd = 0.2, ThrottleStd = 0.3 });
        float[] obs = env.Reset(0).Observation;
        Span<float> mean = stackalloc float[2];
        Span<float> std = stackalloc float[2];
        expert.Distribution(obs, mean, std);
        Assert.Equal(0.2f, std[0]);
        Assert.Equal(0.3f, std[1]);
        Assert.Equal(1f, mean[1]);                 // at rest on a free road: full throttle
        Assert.InRange(mean[0], -0.05f, 0.05f);    // on the lane centre, aligned: no steering
        Assert.Equal(expert.ActDeterministic(obs), mean.ToArray());

        // Samples scatter around the mean with the configured spread and stay in the action box.
        var steer = new List<double>();
        for (int i = 0; i < 4000; i++)
        {
            float[] a = expert.Act(obs);
            Assert.InRange(a[0], -1f, 1f);
            Assert.InRange(a[1], -1f, 1f);
            steer.Add(a[0]);
        }

        double m = steer.Average();
        double sd = Math.Sqrt(steer.Select(x => (x - m) * (x - m)).Average());
        Assert.Equal(mean[0], m, 1);
        Assert.Equal(0.2, sd, 1);
    }

    [Fact]
    public void SamplingIsReproducibleFromTheRng()
    {
        float[] Run(int seed)
        {
            var env = new DrivingEnv(DrivingEnvOptions.Toy);
            var expert = new DrivingExpert(env, new Rng(seed));
            float[] obs = env.Reset(0).Observation;
            var actions = new List<float>();
            for (int t = 0; t < 50; t++)
            {
                float[] a = expert.Act(obs);
                actions.AddRange(a);
                obs = env.Step(a).Observation;
            }

            return [.. actions];
        }

        Assert.Equal(Run(3), Run(3));
        Assert.NotEqual(Run(3), Run(4));
    }

    [Fact]
    public void InvalidOptionsAreNamed()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DrivingExpert(new DrivingEnv(), new Rng(0), new DrivingExpertOptions { SteerStd = -1 }));
        Assert.Contains("SteerStd", e.Message);
    }
}
