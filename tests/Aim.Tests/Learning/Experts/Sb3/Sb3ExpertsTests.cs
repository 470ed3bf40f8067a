using Aim.Core.Random;
using Aim.Envs.Driving;
using Aim.Envs.Grid;
using Aim.Experiments.Catalog;
using Aim.Experiments.Running;
using Aim.Learning.Experts.Sb3;
using Aim.Learning.Training;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Aim.Tests.Learning.Experts.Sb3;

public sealed class Sb3ExpertsTests : IDisposable
{
    private static readonly float[] s_logStd = [-0.5f, 0.3f];
    private readonly string _directory = Directory.CreateTempSubdirectory("aim-sb3-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ARunCanUseAnSb3ZipAsItsExpert()
    {
        Dictionary<string, Tensor> tensors = Sb3ZipFixture.Dqn(seed: 3);
        string zip = Sb3ZipFixture.Write(_directory, "dqn.zip", tensors, Sb3ZipFixture.Data([12, 7, 7], Sb3ZipFixture.Tanh));
        var options = new TrainerOptions { Seed = 2, TotalEnvSteps = 40, WarmUpSteps = 40, EvalEpisodes = 1, Expert = "sb3:" + zip };
        using InteractiveTrainer<byte[], int> trainer = Experiment.Grid("multiroom-6", "bc", options);
        trainer.WarmUp();

        // Every warm-up action is the zip's greedy action at the state it was taken in.
        GridEnv replay = GridTasks.Create("multiroom-6");
        using Sb3QNetworkExpert expert = Sb3Experts.LoadGrid(zip, replay);
        byte[] observation = replay.Reset(2).Observation.ToArray();
        var human = trainer.Context.Human;
        Assert.Equal(40, human.Count);
        for (int i = 0; i < 40; i++)
        {
            int expected = expert.Act(observation);
            Assert.Equal(expected, (int)human.BehaviourAction(i)[0]);
            var step = replay.Step(expected);
            observation = step.Done ? replay.Reset().Observation.ToArray() : step.Observation.ToArray();
        }
    }

    [Fact]
    public void ADrivingRunGivesItsSb3ExpertTheSecondSplitOfTheSeed()
    {
        string zip = Sb3ZipFixture.Write(_directory, "ppo.zip", Sb3ZipFixture.Ppo(seed: 4, s_logStd), Sb3ZipFixture.Data([259], activation: null));
        var options = new TrainerOptions { Seed = 2, TotalEnvSteps = 30, WarmUpSteps = 30, EvalEpisodes = 1, ExpertLabel = ExpertLabel.Sampled, Expert = "sb3:" + zip };
        using InteractiveTrainer<float[], float[]> trainer = Experiment.Driving("driving-toy", "bc", options, new Dictionary<string, string> { ["policy.initial_steps"] = "1" });
        trainer.WarmUp();

        // The run's streams: the method takes the root's first split, the SB3 expert the second.
        var root = new Rng(2);
        _ = root.Split();
        DrivingEnv replay = TaskCatalog.CreateDriving("driving-toy", new Rng(0)).Env;
        using Sb3GaussianExpert expert = Sb3Experts.LoadDriving(zip, replay, root.Split());
        float[] observation = replay.Reset(2).Observation.ToArray();
        var human = trainer.Context.Human;
        Assert.Equal(30, human.Count);
        for (int i = 0; i < 30; i++)
        {
            float[] expected = expert.Act(observation);
            Assert.Equal(expected, human.BehaviourAction(i).ToArray());
            var step = replay.Step(expected);
            observation = step.Done ? replay.Reset().Observation.ToArray() : step.Observation.ToArray();
        }
    }

    [Fact]
    public void AnSb3ExpertSettingNamesAMissingZip()
    {
        var e = Assert.Throws<ArgumentException>(() => RunSettings.Build("multiroom-6", "aim", 0, [new("expert", "sb3:no-such.zip")]));
        Assert.Contains("no-such.zip", e.Message);
        Assert.Throws<ArgumentException>(() => RunSettings.Build("multiroom-6", "aim", 0, [new("expert", "oracle")]));
    }

    [Theory]
    [InlineData(Sb3ZipFixture.Tanh, true)]
    [InlineData(Sb3ZipFixture.Relu, false)]
    [InlineData(null, false)]
    public void GridExpertActsGreedilyOnTheOnlineQNetworkOfBytesOver255(string? activation, bool tanhHead)
    {
        Dictionary<string, Tensor> tensors = Sb3ZipFixture.Dqn(seed: 3);
        string zip = Sb3ZipFixture.Write(_directory, "dqn.zip", tensors, Sb3ZipFixture.Data([12, 7, 7], activation));
        GridEnv env = GridTasks.Create("multiroom-6");
        using Sb3QNetworkExpert expert = Sb3Experts.LoadGrid(zip, env);

        Assert.Equal(7, expert.ActionCount);
        var actions = new HashSet<int>();
        var rng = new Rng(5);
        for (int i = 0; i < 12; i++)
        {
            byte[] observation = i < 6 ? env.Reset(1000 + i).Observation.ToArray() : RandomBytes(rng, 588);
            float[] expected = ReferenceQ(tensors, observation, tanhHead);
            float[] actual = expert.QValues(observation);
            Assert.Equal(expected.Length, actual.Length);
            for (int a = 0; a < expected.Length; a++)
            {
                AssertClose(expected[a], actual[a]);
            }

            int greedy = Array.IndexOf(expected, expected.Max());
            Assert.Equal(greedy, expert.Act(observation));
            actions.Add(greedy);
        }

        Assert.True(actions.Count > 1, "the fixture should make the greedy action depend on the observation");
    }

    [Fact]
    public void DrivingExpertHasTheCheckpointsMeanAndStdAndSamplesDeterministicallyUnderASeed()
    {
        Dictionary<string, Tensor> tensors = Sb3ZipFixture.Ppo(seed: 4, s_logStd);
        string zip = Sb3ZipFixture.Write(_directory, "ppo.zip", tensors, Sb3ZipFixture.Data([259], activation: null));
        var env = new DrivingEnv(DrivingEnvOptions.Toy);
        float[] observation = RandomFloats(new Rng(9), 259);
        float[] expectedMean = ReferenceMean(tensors, observation);

        using Sb3GaussianExpert expert = Sb3Experts.LoadDriving(zip, env, new Rng(7));
        Span<float> mean = stackalloc float[2];
        Span<float> std = stackalloc float[2];
        expert.Distribution(observation, mean, std);
        for (int i = 0; i < 2; i++)
        {
            AssertClose(expectedMean[i], mean[i]);
            Assert.Equal(MathF.Exp(s_logStd[i]), std[i], 5);
        }

        var noise = new Rng(7);
        using Sb3GaussianExpert twin = Sb3Experts.LoadDriving(zip, env, new Rng(7));
        using Sb3GaussianExpert other = Sb3Experts.LoadDriving(zip, env, new Rng(8));
        bool differs = false;
        for (int step = 0; step < 5; step++)
        {
            float[] action = expert.Act(observation);
            Assert.Equal(action, twin.Act(observation));
            differs |= !action.SequenceEqual(other.Act(observation));
            for (int i = 0; i < 2; i++)
            {
                float sample = Math.Clamp((float)noise.NextGaussian(expectedMean[i], MathF.Exp(s_logStd[i])), -1f, 1f);
                AssertClose(sample, action[i]);
            }
        }

        Assert.True(differs, "another seed should draw other actions");
    }

    [Fact]
    public void LoadPicksTheExpertKindFromTheEnvironment()
    {
        string dqn = Sb3ZipFixture.Write(_directory, "dqn.zip", Sb3ZipFixture.Dqn(seed: 1), data: null);
        string ppo = Sb3ZipFixture.Write(_directory, "ppo.zip", Sb3ZipFixture.Ppo(seed: 1, s_logStd), data: null);

        Assert.IsType<Sb3QNetworkExpert>(Sb3Experts.Load(dqn, GridTasks.Create("multiroom-6"), new Rng(0)));
        Assert.IsType<Sb3GaussianExpert>(Sb3Experts.Load(ppo, new DrivingEnv(DrivingEnvOptions.Toy), new Rng(0)));
        Assert.Equal(Sb3PolicyKind.QNetwork, Sb3Experts.ReadKind(dqn));
        Assert.Equal(Sb3PolicyKind.GaussianActorCritic, Sb3Experts.ReadKind(ppo));
    }

    [Fact]
    public void AMissingFileGivesAClearError()
    {
        string path = Path.Combine(_directory, "absent.zip");
        var e = Assert.Throws<FileNotFoundException>(() => Sb3Experts.LoadGrid(path, GridTasks.Create("multiroom-6")));
        Assert.Equal($"No SB3 zip at '{path}'.", e.Message);
    }

    [Fact]
    public void AZipWithoutPolicyPthIsRejected()
    {
        string zip = Sb3ZipFixture.Write(_directory, "data-only.zip", tensors: null, Sb3ZipFixture.Data([12, 7, 7], Sb3ZipFixture.Tanh));
        var e = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadGrid(zip, GridTasks.Create("multiroom-6")));
        Assert.Contains("has no policy.pth entry", e.Message);
        Assert.Contains("Entries: data", e.Message);
    }

    [Fact]
    public void AMissingKeyIsNamedWithTheKeysFound()
    {
        Dictionary<string, Tensor> tensors = Sb3ZipFixture.Dqn(seed: 2);
        tensors.Remove("q_net.features_extractor.cnn.3.weight");
        string zip = Sb3ZipFixture.Write(_directory, "dqn.zip", tensors, data: null);
        var e = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadGrid(zip, GridTasks.Create("multiroom-6")));
        Assert.Contains("has no key 'q_net.features_extractor.cnn.3.weight'", e.Message);
        Assert.Contains("Keys found: q_net.features_extractor.cnn.0.bias, q_net.features_extractor.cnn.0.weight", e.Message);
    }

    [Fact]
    public void AWrongShapeNamesTheKeyAndBothShapes()
    {
        string zip = Sb3ZipFixture.Write(_directory, "dqn.zip", Sb3ZipFixture.Dqn(seed: 2, channels: 3), data: null);
        var e = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadGrid(zip, GridTasks.Create("multiroom-6")));
        Assert.Contains("key 'q_net.features_extractor.cnn.0.weight' has shape [16, 3, 2, 2]; the expert needs [16, 12, 2, 2]", e.Message);
    }

    [Fact]
    public void AnActionCountThatDoesNotFitTheEnvironmentIsRejected()
    {
        string zip = Sb3ZipFixture.Write(_directory, "dqn.zip", Sb3ZipFixture.Dqn(seed: 2, actions: 3), data: null);
        var e = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadGrid(zip, GridTasks.Create("multiroom-6")));
        Assert.Contains("key 'q_net.q_net.2.weight' has shape [3, 64]; the expert needs [7, 64]", e.Message);
    }

    [Fact]
    public void TheWrongAlgorithmForTheTaskIsRejected()
    {
        string ppo = Sb3ZipFixture.Write(_directory, "ppo.zip", Sb3ZipFixture.Ppo(seed: 1, s_logStd), data: null);
        string dqn = Sb3ZipFixture.Write(_directory, "dqn.zip", Sb3ZipFixture.Dqn(seed: 1), data: null);

        var grid = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadGrid(ppo, GridTasks.Create("multiroom-6")));
        Assert.Contains("holds a Gaussian actor-critic policy", grid.Message);
        Assert.Contains("a grid task needs a DQN Q-network", grid.Message);
        var driving = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadDriving(dqn, new DrivingEnv(DrivingEnvOptions.Toy), new Rng(0)));
        Assert.Contains("holds a DQN Q-network (discrete actions)", driving.Message);
    }

    [Fact]
    public void AnObservationSizeThatDoesNotFitIsRejected()
    {
        string saved = Sb3ZipFixture.Write(_directory, "ppo-260.zip", Sb3ZipFixture.Ppo(seed: 1, s_logStd), Sb3ZipFixture.Data([260], activation: null));
        var e = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadDriving(saved, new DrivingEnv(DrivingEnvOptions.Toy), new Rng(0)));
        Assert.Contains("was trained on observations of shape [260]; the environment gives [259]", e.Message);

        string tensors = Sb3ZipFixture.Write(_directory, "ppo-100.zip", Sb3ZipFixture.Ppo(seed: 1, s_logStd, observations: 100), data: null);
        var shape = Assert.Throws<InvalidDataException>(() => Sb3Experts.LoadDriving(tensors, new DrivingEnv(DrivingEnvOptions.Toy), new Rng(0)));
        Assert.Contains("key 'mlp_extractor.policy_net.0.weight' has shape [64, 100]; the expert needs [64, 259]", shape.Message);
    }

    private static void AssertClose(float expected, float actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static float[] ReferenceQ(Dictionary<string, Tensor> t, byte[] observation, bool tanhHead)
    {
        using IDisposable scope = NewDisposeScope();
        Tensor x = tensor(observation.Select(b => b / 255f).ToArray()).reshape(1, 12, 7, 7);
        const string C = "q_net.features_extractor.cnn.";
        x = F.relu(F.conv2d(x, t[C + "0.weight"], t[C + "0.bias"]));
        x = F.max_pool2d(x, 2);
        x = F.relu(F.conv2d(x, t[C + "3.weight"], t[C + "3.bias"]));
        x = F.relu(F.conv2d(x, t[C + "5.weight"], t[C + "5.bias"])).reshape(1, -1);
        x = F.linear(x, t["q_net.q_net.0.weight"], t["q_net.q_net.0.bias"]);
        x = tanhHead ? x.tanh() : F.relu(x);
        return F.linear(x, t["q_net.q_net.2.weight"], t["q_net.q_net.2.bias"]).reshape(-1).data<float>().ToArray();
    }

    private static float[] ReferenceMean(Dictionary<string, Tensor> t, float[] observation)
    {
        using IDisposable scope = NewDisposeScope();
        Tensor x = tensor(observation).reshape(1, -1);
        x = F.linear(x, t["mlp_extractor.policy_net.0.weight"], t["mlp_extractor.policy_net.0.bias"]).tanh();
        x = F.linear(x, t["mlp_extractor.policy_net.2.weight"], t["mlp_extractor.policy_net.2.bias"]).tanh();
        return F.linear(x, t["action_net.weight"], t["action_net.bias"]).reshape(-1).data<float>().ToArray();
    }

    private static byte[] RandomBytes(Rng rng, int length)
    {
        var bytes = new byte[length];
        for (int i = 0; i < length; i++)
        {
            bytes[i] = (byte)rng.NextInt(256);
        }

        return bytes;
    }

    private static float[] RandomFloats(Rng rng, int length)
    {
        var values = new float[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = rng.NextFloat();
        }

        return values;
    }
}
