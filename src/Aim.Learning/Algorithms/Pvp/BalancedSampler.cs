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

    /// <summary>The batch filled by <see cref="Sample(TrainingContext)"/>.</summary>
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

    /// <summary>
    /// Fills <paramref name="batch"/>'s tensors with the draws <see cref="Sample(TrainingContext)"/> makes (the same
    /// random stream, the same split), straight into native memory.
    /// </summary>
    /// <exception cref="ArgumentException">The batch's size differs from the sampler's.</exception>
    public void Sample(TrainingContext context, BatchTensors batch)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(batch);
        int n = Batch.Size;
        if (batch.Size != n)
        {
            throw new ArgumentException($"The sampler draws batches of {n}, the tensors hold {batch.Size}.", nameof(batch));
        }

        int fromAgent = context.Agent.Count >= n / 2 ? n / 2 : 0;
        int fromHuman = n - fromAgent;
        Span<int> slots = _slots;
        context.Human.SampleSlots(_rng, slots[..fromHuman]);
        context.Human.Gather(slots[..fromHuman], batch);
        if (fromAgent > 0)
        {
            context.Agent.SampleSlots(_rng, slots[fromHuman..]);
            context.Agent.Gather(slots[fromHuman..], batch, offset: fromHuman);
        }
    }
}
