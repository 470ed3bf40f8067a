using Aim.Core.Resume;
using TorchSharp;
using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>
/// Writes tensors and whole networks into a run's resumable state (<see cref="StateWriter"/>) as raw storage bytes,
/// and reads them back into live tensors of the same name, type and shape.
/// </summary>
/// <remarks>
/// A resume state holds the networks beside everything else in one checksummed <see cref="StateFile"/>, so a resume
/// point is one file that is either whole or refused; the separate weight files of <see cref="CheckpointFile"/> are for
/// evaluating a policy.
/// </remarks>
public static class TensorState
{
    /// <summary>Writes every entry of <paramref name="module"/>'s state dictionary (parameters and buffers) under <paramref name="section"/>.</summary>
    public static void Write(StateWriter writer, string section, nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(module);
        writer.Section(section);
        Dictionary<string, Tensor> entries = module.state_dict();
        writer.Write(entries.Count);
        foreach ((string name, Tensor tensor) in entries)
        {
            writer.Write(name);
            Write(writer, tensor);
        }
    }

    /// <summary>Reads what <see cref="Write(StateWriter, string, nn.Module)"/> wrote into <paramref name="module"/>.</summary>
    /// <exception cref="InvalidDataException">Another network's state: names, count or sizes differ (the message names the entry).</exception>
    public static void Read(StateReader reader, string section, nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(module);
        reader.Section(section);
        Dictionary<string, Tensor> entries = module.state_dict();
        reader.Expect("the number of tensors", reader.ReadInt32(), entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            string name = reader.ReadString() ?? string.Empty;
            if (!entries.TryGetValue(name, out Tensor? tensor))
            {
                throw reader.Defect($"holds tensor '{name}', which the network does not have");
            }

            Read(reader, tensor);
        }
    }

    /// <summary>Writes one tensor's storage bytes (a CPU tensor; an optimiser's moment, for instance).</summary>
    public static void Write(StateWriter writer, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tensor);
        // contiguous() returns a new managed wrapper (of the same storage when the tensor already is contiguous, as
        // parameters and moments are): dispose it here rather than leave it to the finalizer.
        using Tensor contiguous = tensor.contiguous();
        writer.WriteBytes(contiguous.bytes);
    }

    /// <summary>Reads one tensor's storage bytes into <paramref name="tensor"/> (same type and element count).</summary>
    public static void Read(StateReader reader, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(tensor);
        var bytes = new byte[tensor.NumberOfElements * tensor.ElementSize];
        reader.ReadExactly(bytes);
        using var noGrad = no_grad();
        tensor.bytes = bytes;
    }
}
