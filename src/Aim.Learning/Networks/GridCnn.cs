using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Aim.Learning.Networks;

/// <summary>
/// The MiniGrid feature extractor of the PVP/AIM code (<c>MinigridCNN</c>): conv 2×2 (16) → ReLU → max-pool 2×2 →
/// conv 2×2 (32) → ReLU → conv 2×2 (64) → ReLU → flatten. On a 7×7 view it gives 64 features.
/// </summary>
public sealed class GridCnn : nn.Module<Tensor, Tensor>
{
    // Field name = state-dict key prefix: keep it stable.
    private readonly Sequential cnn;

    /// <summary>Builds the extractor for channel-first inputs of the given shape.</summary>
    /// <param name="channels">Input channels (12 for a 4-frame stack of 3-channel views).</param>
    /// <param name="height">View height (7).</param>
    /// <param name="width">View width (7).</param>
    public GridCnn(int channels, int height, int width)
        : base(nameof(GridCnn))
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        if (height < 5 || width < 5)
        {
            throw new ArgumentOutOfRangeException(nameof(height), $"The grid CNN needs views of at least 5×5, got {height}×{width}.");
        }

        cnn = nn.Sequential(
            ("0", nn.Conv2d(channels, 16, 2)),
            ("1", nn.ReLU()),
            ("2", nn.MaxPool2d(2)),
            ("3", nn.Conv2d(16, 32, 2)),
            ("4", nn.ReLU()),
            ("5", nn.Conv2d(32, 64, 2)),
            ("6", nn.ReLU()),
            ("7", nn.Flatten()));
        int h = (((height - 1) / 2) - 1) - 1;
        int w = (((width - 1) / 2) - 1) - 1;
        OutputSize = 64 * h * w;
        RegisterComponents();
    }

    /// <summary>Number of features per input.</summary>
    public int OutputSize { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => cnn.call(input);
}
