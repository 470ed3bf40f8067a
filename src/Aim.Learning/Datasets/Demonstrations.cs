using Aim.Core.Spaces;
using Aim.Learning.Data;
using Aim.Learning.Spec;

namespace Aim.Learning.Datasets;

/// <summary>
/// A Minari dataset as demonstrations: its expert-labelled steps, in order, as human-buffer transitions for behaviour
/// cloning or a warm-up (<c>TrainerOptions.Demonstrations</c>).
/// </summary>
/// <remarks>
/// Which steps: where the dataset's infos name a <c>controller</c> (ours do), the steps the expert or a person
/// executed; in any other dataset (one Minari's own collector wrote, say) every step. The label is the expert's
/// <c>expert_action</c> where the infos hold it and the expert was asked (a Gaussian expert's mean under the mean label),
/// else the executed action.
/// </remarks>
public static class Demonstrations
{
    /// <summary>
    /// Adds the first <paramref name="limit"/> (null: all) expert-labelled steps of <paramref name="dataset"/> to
    /// <paramref name="into"/>, encoded by <paramref name="codec"/>, after checking the dataset's spaces against the
    /// environment's.
    /// </summary>
    /// <returns>The number of transitions added.</returns>
    /// <exception cref="InvalidDataException">
    /// A space differs from the environment's, an action lies outside the action space, there are fewer steps than
    /// <paramref name="limit"/>, or more than the buffer holds (each message names the dataset and the values).
    /// </exception>
    public static int Load<TObs, TAct>(
        MinariDataset dataset,
        ISpace<TObs> observationSpace,
        ISpace<TAct> actionSpace,
        Codec<TObs, TAct> codec,
        HacoBuffer into,
        int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(into);
        CheckSpace(dataset, "observation", dataset.Metadata.ObservationSpace, MinariSpace.From(observationSpace));
        CheckSpace(dataset, "action", dataset.Metadata.ActionSpace, MinariSpace.From(actionSpace));
        List<(MinariEpisode Episode, int Step)> steps = LabelledSteps(dataset);
        int count = limit ?? steps.Count;
        if (count <= 0 || count > steps.Count)
        {
            throw new InvalidDataException($"Dataset '{dataset.Directory}' has {steps.Count} expert-labelled steps; {count} were asked for (expected 1 to {steps.Count}).");
        }

        if (count > into.Capacity)
        {
            throw new InvalidDataException($"Dataset '{dataset.Directory}' gives {count} expert-labelled steps but the buffer holds {into.Capacity}: raise buffer_capacity or take fewer (demonstration_steps).");
        }

        var observation = new float[codec.Observation.Size];
        var next = new float[codec.Observation.Size];
        var label = new float[codec.Action.Dimension];
        for (int k = 0; k < count; k++)
        {
            (MinariEpisode episode, int t) = steps[k];
            codec.EncodeObservation(Row<TObs>(episode.Observations, t), observation);
            codec.EncodeObservation(Row<TObs>(episode.Observations, t + 1), next);
            Label(dataset, episode, t, label);
            bool start = t == 0 || !IsExpert(episode, t - 1);
            bool success = episode.Infos.TryGetValue(MinariInfoKeys.Success, out MinariColumn? done) && done.As<bool>()[t + 1];
            into.Add(observation, next, label, label, intervention: true, interventionStart: start, cost: 1f, episode.Terminations[t], episode.Truncations[t], success);
        }

        return count;
    }

    /// <summary>The (episode, step) pairs that carry an expert's label, in dataset order.</summary>
    public static List<(MinariEpisode Episode, int Step)> LabelledSteps(MinariDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var steps = new List<(MinariEpisode, int)>();
        foreach (MinariEpisode episode in dataset.Episodes)
        {
            for (int t = 0; t < episode.Steps; t++)
            {
                if (IsExpert(episode, t))
                {
                    steps.Add((episode, t));
                }
            }
        }

        return steps;
    }

    /// <summary>Whether step <paramref name="t"/> was the expert's or a person's (every step when the infos do not say).</summary>
    private static bool IsExpert(MinariEpisode episode, int t)
    {
        if (!episode.Infos.TryGetValue(MinariInfoKeys.Controller, out MinariColumn? controllers) || controllers.DType != "str")
        {
            return true;
        }

        string who = controllers.As<string>()[t + 1];
        return who is MinariInfoKeys.Expert or MinariInfoKeys.Person;
    }

    private static void Label(MinariDataset dataset, MinariEpisode episode, int t, Span<float> label)
    {
        MinariColumn source = episode.Actions;
        int row = t;
        if (episode.Infos.TryGetValue(MinariInfoKeys.ExpertAction, out MinariColumn? expert)
            && episode.Infos.TryGetValue(MinariInfoKeys.ExpertAsked, out MinariColumn? asked)
            && asked.DType == "bool" && asked.As<bool>()[t + 1]
            && expert.DType == source.DType && expert.ItemSize == source.ItemSize)
        {
            source = expert;
            row = t + 1;
        }

        MinariSpace space = dataset.Metadata.ActionSpace;
        if (space.IsDiscrete)
        {
            long index = source.As<long>()[row];
            if (index < space.Start || index >= space.Start + space.N)
            {
                throw new InvalidDataException($"Dataset '{dataset.Directory}', episode {episode.Id}, step {t}: action {index} lies outside {space}.");
            }

            label[0] = index;
            return;
        }

        source.As<float>().AsSpan(row * source.ItemSize, source.ItemSize).CopyTo(label);
    }

    private static TObs Row<TObs>(MinariColumn column, int row) => column.Values switch
    {
        byte[] bytes => (TObs)(object)bytes.AsSpan(row * column.ItemSize, column.ItemSize).ToArray(),
        float[] floats => (TObs)(object)floats.AsSpan(row * column.ItemSize, column.ItemSize).ToArray(),
        _ => throw new InvalidDataException($"Observations of dtype {column.DType} cannot be used here: expected uint8 or float32."),
    };

    private static void CheckSpace(MinariDataset dataset, string what, MinariSpace found, MinariSpace expected)
    {
        if (found.DifferenceFrom(expected) is string difference)
        {
            throw new InvalidDataException($"Dataset '{dataset.Directory}' has the {what} space {found} but the task's is {expected}: {difference}.");
        }
    }
}
