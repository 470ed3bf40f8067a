using Aim.Core.Random;
using Aim.Core.Resume;
using Aim.Learning.Data;
using Aim.Learning.Training;

namespace Aim.Learning.Algorithms.Pvp;

/// <summary>
/// PVP's balanced batches: half from the human buffer and half from the agent buffer once the agent buffer holds at
/// least half a batch, otherwise all from the human buffer. Counts (not write positions) decide, so it stays right
/// after the buffers wrap around.
/// </summary>
public sealed class BalancedSampler : IResumable
{
    private readonly Rng _rng;
    private readonly int[] _slots;

    /// <summary>Creates the sampler and its reusable batch.</summary>
    public BalancedSampler(int batchSize, int observationSize, int actionSize, Rng rng)
    {
        _rng = rng ?? throw new ArgumentNullException(nameof(rng));
        Batch = new Batch(batchSize, observationSize, actionSize);
        _slots = new int[batchSize];
    }

    /// <summary>The batch filled by <see cref="Sample"/>.</summary>
    public Batch Batch { get; }

    /// <summary>Fills <see cref="Batch"/>.</summary>
    public Batch Sample(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int n = Batch.Size;
        int fromAgent = context.Agent.Count >= n / 2 ? n / 2 : 0;
        int fromHuman = n - fromAgent;
        Span<int> slots = _slots;
        context.Human.SampleSlots(_rng, slots[..fromHuman]);
        context.Human.Gather(slots[..fromHuman], Batch);
        if (fromAgent > 0)
        {
            context.Agent.SampleSlots(_rng, slots[fromHuman..]);
            context.Agent.Gather(slots[fromHuman..], Batch, offset: fromHuman);
        }

        return Batch;
    }

    /// <inheritdoc />
    /// <remarks>The sampling stream (the batch is scratch).</remarks>
    public void WriteState(StateWriter writer) => _rng.WriteState(writer);

    /// <inheritdoc />
    public void ReadState(StateReader reader) => _rng.ReadState(reader);
}
