using static TorchSharp.torch;

namespace Aim.Learning.Torch;

/// <summary>One network of a checkpoint: the file that stores it and the live network it is written from and read into.</summary>
/// <param name="Path">The checkpoint file (see <see cref="CheckpointFile"/> for its format).</param>
/// <param name="Module">The network the file stores.</param>
/// <param name="Target">
/// A target copy of <paramref name="Module"/> that the checkpoint does not store (null, the default: none). A load gives
/// it the loaded weights too, as <see cref="Networks.TargetNetworks.Copy"/> does when a network is built, so the pair
/// starts in step again; its parameters keep their frozen <c>requires_grad</c>.
/// </param>
public sealed record CheckpointEntry(string Path, nn.Module Module, nn.Module? Target = null);
