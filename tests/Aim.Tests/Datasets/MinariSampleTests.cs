using Aim.Core.Spaces;
using Aim.Envs.Grid;
using Aim.Experiments.Catalog;
using Aim.Learning.Data;
using Aim.Learning.Datasets;
using Aim.Learning.Spec;
using Xunit;

namespace Aim.Tests.Datasets;

/// <summary>
/// The dataset in MinariSample/ was written by h5py as Minari's HDF5 storage writes one (make_minari_sample.py); these
/// tests read it with our reader and recompute its values from the script's formulas.
/// </summary>
public sealed class MinariSampleTests
{
    private static readonly string s_sample = Path.Combine(AppContext.BaseDirectory, "Datasets", "MinariSample");

    [Fact]
    public void TheMinariWrittenSampleIsReadValueByValue()
    {
        MinariDataset dataset = MinariDataset.Load(s_sample);

        Assert.Equal("sample/grid/collector-v0", dataset.Metadata.DatasetId);
        Assert.Equal(2, dataset.Episodes.Count);
        Assert.Equal(5, dataset.TotalSteps);
        Assert.Equal(5L, dataset.Episodes[0].Seed);
        Assert.Null(dataset.Episodes[1].Seed);
        for (int e = 0; e < 2; e++)
        {
            MinariEpisode episode = dataset.Episodes[e];
            int steps = e == 0 ? 3 : 2;
            Assert.Equal(steps, episode.Steps);
            byte[] observations = episode.Observations.As<byte>();
            Assert.Equal((steps + 1) * 588, observations.Length);
            for (int row = 0; row <= steps; row++)
            {
                for (int i = 0; i < 588; i += 97)
                {
                    Assert.Equal((byte)((i + (3 * e) + row) % 11), observations[(row * 588) + i]);
                }
            }

            Assert.Equal(Enumerable.Range(0, steps).Select(t => (long)((e + t) % 7)), episode.Actions.As<long>());
            Assert.Equal(0.5 + e, episode.Rewards[^1]);
            Assert.Equal(e == 0, episode.Terminations[^1]);
            Assert.Equal(e != 0, episode.Truncations[^1]);
            Assert.False(episode.Terminations[0]);
            Assert.Empty(episode.Infos);
        }
    }

    [Fact]
    public void TheSampleFollowsTheStandardAsTheLayoutCheckReadsIt() => Assert.Empty(MinariLayout.Check(s_sample));

    [Fact]
    public void EveryStepOfADatasetWithoutControllersIsADemonstration()
    {
        GridEnv env = TaskCatalog.CreateGrid("lavacrossing-s9n1").Env;
        var codec = new Codec<byte[], int>(ObservationSpec.From(env.ObservationSpace), ActionSpec.From(env.ActionSpace));
        var buffer = new HacoBuffer(10, codec.Observation.Size, 1);

        int added = Demonstrations.Load(MinariDataset.Load(s_sample), env.ObservationSpace, env.ActionSpace, codec, buffer);

        Assert.Equal(5, added);
        Assert.Equal([0f, 1f, 2f, 1f, 2f], Enumerable.Range(0, 5).Select(i => buffer.BehaviourAction(buffer.SlotOf(i))[0]));
        Assert.True(buffer.Terminated(buffer.SlotOf(2)));
        Assert.True(buffer.Truncated(buffer.SlotOf(4)));
        Assert.True(buffer.InterventionStart(buffer.SlotOf(0)));
        Assert.False(buffer.InterventionStart(buffer.SlotOf(1)));
    }

    [Fact]
    public void ASpaceThatIsNotTheTasksIsRefusedNamingTheDifference()
    {
        var observations = new Box<byte>(0, 10, 3, 7, 7);
        var codec = new Codec<byte[], int>(ObservationSpec.From(observations), ActionSpec.Discrete(7));
        var buffer = new HacoBuffer(10, codec.Observation.Size, 1);

        var ex = Assert.Throws<InvalidDataException>(() => Demonstrations.Load(MinariDataset.Load(s_sample), observations, new Discrete(7), codec, buffer));

        Assert.Contains("observation space", ex.Message, StringComparison.Ordinal);
        Assert.Contains("shape [12, 7, 7] where [3, 7, 7] was expected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreDemonstrationStepsThanTheDatasetHoldsAreRefused()
    {
        GridEnv env = TaskCatalog.CreateGrid("lavacrossing-s9n1").Env;
        var codec = new Codec<byte[], int>(ObservationSpec.From(env.ObservationSpace), ActionSpec.From(env.ActionSpace));

        var ex = Assert.Throws<InvalidDataException>(() => Demonstrations.Load(MinariDataset.Load(s_sample), env.ObservationSpace, env.ActionSpace, codec, new HacoBuffer(10, codec.Observation.Size, 1), limit: 6));

        Assert.Contains("has 5 expert-labelled steps; 6 were asked for", ex.Message, StringComparison.Ordinal);
    }
}
