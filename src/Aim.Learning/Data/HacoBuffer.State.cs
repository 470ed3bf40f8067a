using Aim.Core.Resume;

namespace Aim.Learning.Data;

/// <summary>The buffer's part of a resumed run's state.</summary>
public sealed partial class HacoBuffer : IResumable
{
    /// <inheritdoc />
    /// <remarks>The stored slots (only those filled), the write position and the counts.</remarks>
    public void WriteState(StateWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Section("haco-buffer");
        writer.Write(Capacity);
        writer.Write(ObservationSize);
        writer.Write(ActionSize);
        writer.Write(_next);
        writer.Write(Count);
        writer.Write(TotalAdded);
        int n = Count;
        writer.Write(_observations.AsSpan(0, n * ObservationSize));
        writer.Write(_nextObservations.AsSpan(0, n * ObservationSize));
        writer.Write(_noviceActions.AsSpan(0, n * ActionSize));
        writer.Write(_behaviourActions.AsSpan(0, n * ActionSize));
        writer.Write(_interventions.AsSpan(0, n));
        writer.Write(_interventionStarts.AsSpan(0, n));
        writer.Write(_costs.AsSpan(0, n));
        writer.Write(_terminated.AsSpan(0, n));
        writer.Write(_truncated.AsSpan(0, n));
        writer.Write(_successes.AsSpan(0, n));
    }

    /// <inheritdoc />
    public void ReadState(StateReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        reader.Section("haco-buffer");
        reader.Expect("the buffer capacity", reader.ReadInt32(), Capacity);
        reader.Expect("the observation size", reader.ReadInt32(), ObservationSize);
        reader.Expect("the action size", reader.ReadInt32(), ActionSize);
        int next = reader.ReadInt32();
        int count = reader.ReadInt32();
        long total = reader.ReadInt64();
        if (count < 0 || count > Capacity || next < 0 || next >= Capacity || total < count)
        {
            throw reader.Defect($"holds an impossible buffer position (next {next}, count {count}, total {total}, capacity {Capacity})");
        }

        reader.Expect("the stored observation floats", reader.ReadInto(_observations.AsSpan()), count * ObservationSize);
        reader.Expect("the stored next-observation floats", reader.ReadInto(_nextObservations.AsSpan()), count * ObservationSize);
        reader.Expect("the stored novice-action floats", reader.ReadInto(_noviceActions.AsSpan()), count * ActionSize);
        reader.Expect("the stored behaviour-action floats", reader.ReadInto(_behaviourActions.AsSpan()), count * ActionSize);
        reader.Expect("the stored intervention flags", reader.ReadInto(_interventions.AsSpan()), count);
        reader.Expect("the stored intervention starts", reader.ReadInto(_interventionStarts.AsSpan()), count);
        reader.Expect("the stored costs", reader.ReadInto(_costs.AsSpan()), count);
        reader.Expect("the stored terminated flags", reader.ReadInto(_terminated.AsSpan()), count);
        reader.Expect("the stored truncated flags", reader.ReadInto(_truncated.AsSpan()), count);
        reader.Expect("the stored success flags", reader.ReadInto(_successes.AsSpan()), count);
        _next = next;
        Count = count;
        TotalAdded = total;
    }
}
