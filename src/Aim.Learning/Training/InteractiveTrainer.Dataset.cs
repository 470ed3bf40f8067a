using Aim.Learning.Datasets;

namespace Aim.Learning.Training;

/// <summary>The run's data as a Minari dataset (<see cref="TrainerOptions.SaveData"/>) and demonstrations read from one.</summary>
public sealed partial class InteractiveTrainer<TObs, TAct>
{
    /// <summary>The folder in a run directory that holds the run's Minari dataset.</summary>
    public const string DatasetFolderName = "dataset";

    /// <summary>The folder of the run's Minari dataset (null when the run writes none).</summary>
    public string? DatasetDirectory => _recorder?.Writer.Directory;

    /// <summary>
    /// Starts the run's dataset in <c>{run}/dataset/</c>. A resumed run keeps the episodes that had finished at its
    /// resume point and drops any written after it, which the resumed run plays again.
    /// </summary>
    private EpisodeRecorder<TObs, TAct> StartDataset(string runDirectory, bool resumed)
    {
        string folder = Path.Combine(runDirectory, DatasetFolderName);
        IReadOnlyList<MinariEpisode> kept = [];
        if (resumed)
        {
            MinariDataset written = MinariDataset.Load(folder);
            if (written.Episodes.Count < _account.Episodes)
            {
                throw new InvalidDataException($"The run's dataset '{folder}' holds {written.Episodes.Count} episodes; its resume point had finished {_account.Episodes}.");
            }

            kept = written.Episodes.Take(_account.Episodes).ToArray();
        }

        var metadata = new MinariMetadata($"aim/{Path.GetFileName(runDirectory)}-v0", MinariSpace.From(_env.ObservationSpace), MinariSpace.From(_env.ActionSpace))
        {
            AlgorithmName = $"{Method.Name}, expert: {(_onDemand ? MinariInfoKeys.Person : MinariInfoKeys.Expert)}",
        };
        return new EpisodeRecorder<TObs, TAct>(new MinariWriter(folder, metadata, kept), _onDemand);
    }

    /// <summary>Fills the human buffer with <see cref="TrainerOptions.Demonstrations"/>' expert-labelled steps (not charged as expert cost).</summary>
    private void LoadDemonstrations()
    {
        MinariDataset dataset = MinariDataset.Load(Options.Demonstrations);
        int? limit = Options.DemonstrationSteps > 0 ? Options.DemonstrationSteps : null;
        Demonstrations.Load(dataset, _env.ObservationSpace, _env.ActionSpace, _codec, _context.Human, limit);
    }
}
