using Aim.Core.Spaces;

namespace Aim.Learning.Spec;

/// <summary>
/// How observations are fed to networks: their shape and the scale applied when they are turned into floats.
/// Image observations (rank 3, channel-first) get the MiniGrid CNN; vectors get an MLP.
/// </summary>
/// <param name="Shape">Channel-first shape, e.g. (12, 7, 7) for stacked grid views or (259) for driving.</param>
/// <param name="Scale">Multiplier applied to raw values. Byte images are scaled by 1 / (their largest code), i.e. to [0, 1].</param>
/// <remarks>
/// The AIM code divides the symbolic codes (0 … 10) by 255, leaving every input below 0.04; behaviour cloning on 600
/// expert steps of the six-room task then reached 2 % test success where scaling to [0, 1] reached 58 %
/// (docs/decisions.md#grid-input-scale).
/// </remarks>
public sealed record ObservationSpec(IReadOnlyList<int> Shape, float Scale = 1f)
{
    /// <summary>Floats per observation.</summary>
    public int Size => Shape.Aggregate(1, (a, b) => a * b);

    /// <summary>True for channel-first images (rank 3).</summary>
    public bool IsImage => Shape.Count == 3;

    /// <summary>The spec of an environment's observation space (byte boxes are scaled to [0, 1] by their largest bound).</summary>
    /// <exception cref="ArgumentException">The space is not a box of bytes or floats.</exception>
    public static ObservationSpec From<TObs>(ISpace<TObs> space) => space switch
    {
        Box<byte> b => new ObservationSpec(b.Shape.ToArray(), 1f / Math.Max((byte)1, MaxOf(b.High))),
        Box<float> f => new ObservationSpec(f.Shape.ToArray()),
        _ => throw new ArgumentException($"Unsupported observation space {space}: expected Box<byte> or Box<float>.", nameof(space)),
    };

    /// <summary>
    /// The spec of an environment's observation space, with byte boxes divided by 255 when
    /// <paramref name="divideBytesBy255"/> is set (the AIM MiniGrid code), else as <see cref="From{TObs}(ISpace{TObs})"/>.
    /// </summary>
    public static ObservationSpec From<TObs>(ISpace<TObs> space, bool divideBytesBy255) =>
        divideBytesBy255 && space is Box<byte> b ? new ObservationSpec(b.Shape.ToArray(), 1f / 255f) : From(space);

    private static byte MaxOf(ReadOnlySpan<byte> values)
    {
        byte max = 0;
        foreach (byte v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
