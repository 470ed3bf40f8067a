using Aim.Core.Envs;
using Aim.Core.Random;
using Aim.Envs.Grid;
using Aim.Envs.Grid.Experts;
using static Aim.Tests.Envs.Grid.GridLayouts;

namespace Aim.Tests.Envs.Grid;

public class ShortestPathExpertTests
{
    [Theory]
    [MemberData(nameof(GridTaskTests.TaskNames), MemberType = typeof(GridTaskTests))]
    public void ExpertSolvesEveryTaskWithoutTouchingLava(string name)
    {
        GridEnv env = GridTasks.Create(name);
        var expert = new ShortestPathExpert(env);
        for (int seed = 0; seed < 30; seed++)
        {
            byte[] obs = env.Reset(seed).Observation;
            StepResult<byte[]> r;
            do
            {
                r = env.Step(expert.Act(obs));
                obs = r.Observation;
                Assert.Equal(0.0, r.Info.Cost);
            }
            while (!r.Done);

            Assert.True(r.Info.IsSuccess, $"{name} seed {seed}: not solved");
        }
    }

    [Fact]
    public void ExpertTakesTheShortestPathAndReplansOnlyWhenPushedOffIt()
    {
        GridEnv env = GridTasks.Create("empty-8x8");
        var expert = new ShortestPathExpert(env);
        env.Reset(0);

        // From (1, 1) facing east to (6, 6): 5 moves east, one turn, 5 moves south.
        Assert.Equal(11, expert.StepsToGoal());
        int steps = 0;
        while (!env.Step(expert.Act()).Done)
        {
            steps++;
        }

        Assert.Equal(10, steps);
        Assert.Equal(1, expert.PlanCount);

        env.Reset(0);
        env.Step((int)GridAction.Left);
        Assert.Equal(12, expert.StepsToGoal());
        Assert.Equal(2, expert.PlanCount);
    }

    [Fact]
    public void ExpertOpensALockedDoorWithTheKey()
    {
        string[] rows = ["######", "#K.#.#", "#..X.#", "#..#G#", "######"];
        GridEnv env = Create(rows, 1, 3, 3);
        var expert = new ShortestPathExpert(env);
        var actions = new List<int>();
        StepResult<byte[]> r;
        do
        {
            int a = expert.Act();
            actions.Add(a);
            r = env.Step(a);
        }
        while (!r.Done);

        Assert.True(r.Info.IsSuccess);
        Assert.Contains((int)GridAction.Pickup, actions);
        Assert.Contains((int)GridAction.Toggle, actions);
        Assert.Equal(GridCell.Key(GridColor.Yellow), env.Carrying);
    }

    [Fact]
    public void ExpertAnswersDoneWhenTheGoalIsUnreachable()
    {
        GridEnv env = Create(["#####", "#.L.#", "#LLG#", "#####"], 1, 1, 0);
        var expert = new ShortestPathExpert(env);
        Assert.Equal((int)GridAction.Done, expert.Act());
        Assert.Equal(-1, expert.StepsToGoal());
    }

    [Fact]
    public void NoisyExpertErrsAtTheGivenRateWithOtherActions()
    {
        GridEnv env = GridTasks.Create("fourrooms");
        env.Reset(1);
        var clean = new ShortestPathExpert(env);
        var noisy = new NoisyExpert(new ShortestPathExpert(env), 0.3, new Rng(5));
        int wrong = 0;
        const int N = 4000;
        for (int i = 0; i < N; i++)
        {
            int expected = clean.Act();
            int a = noisy.Act(env.Observation.ToArray());
            Assert.InRange(a, 0, 6);
            wrong += a == expected ? 0 : 1;
        }

        Assert.InRange(wrong / (double)N, 0.27, 0.33);
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoisyExpert(clean, 1.5, new Rng(0)));
        var never = new NoisyExpert(clean, 0.0, new Rng(0));
        Assert.Equal(clean.Act(), never.Act(env.Observation.ToArray()));
    }

    [Fact]
    public void NoisyExpertStillSolvesMostEpisodesAtLowNoise()
    {
        GridEnv env = GridTasks.Create("multiroom-6");
        var expert = new NoisyExpert(new ShortestPathExpert(env), 0.1, new Rng(3));
        int solved = 0;
        for (int seed = 0; seed < 30; seed++)
        {
            byte[] obs = env.Reset(seed).Observation;
            StepResult<byte[]> r;
            do
            {
                r = env.Step(expert.Act(obs));
                obs = r.Observation;
            }
            while (!r.Done);

            solved += r.Info.IsSuccess ? 1 : 0;
        }

        Assert.True(solved >= 20, $"{solved}/30 solved");
    }
}
