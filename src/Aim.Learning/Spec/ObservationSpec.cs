using Aim.Core.Spaces;

namespace Aim.Learning.Spec;

/// <summary>
/// How observations are fed to networks: their shape and the scale applied when they are turned into floats.
/// Image observations (rank 3, channel-first) get the MiniGrid CNN; vectors get an MLP.
/// </summary>
/// <param name="Shape">Channel-first shape, e.g. (12, 7, 7) for stacked grid views or (259) for driving.</param>
/// <param name="Scale">Multiplier applied to raw values (default 1/255 for byte images, as the AIM code divides uint8 by 255).</param>
public sealed record ObservationSpec(IReadOnlyList<int> Shape, float Scale = 1f)
{
    /// <summary>Floats per observation.</summary>
    public int Size => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>True for channel-first images (rank 3).</summary>
    public bool IsImage => Shape.Count == 3;

    /// <summary>The spec of an environment's observation space (byte boxes are images scaled by 1/255).</summary>
    /// <exception cref="ArgumentException">The space is not a box of bytes or floats.</exception>
    public static ObservationSpec From<TObs>(ISpace<TObs> space) => space switch
    {
        Box<byte> b => new ObservationSpec(b.Shape.ToArray(), 1f / 255f),
        Box<float> f => new ObservationSpec(f.Shape.ToArray()),
        _ => throw new ArgumentException($"Unsupported observation space {space}: expected Box<byte> or Box<float>.", nameof(space)),
    };
}
