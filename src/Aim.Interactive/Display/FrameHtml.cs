using Aim.Core.Envs;

namespace Aim.Interactive.Display;

/// <summary>Renders an <see cref="RgbFrame"/> as an inline PNG <c>&lt;img&gt;</c>.</summary>
internal static class FrameHtml
{
    /// <summary>Small frames are scaled up (nearest neighbour) to about this many pixels wide.</summary>
    internal const int TargetWidth = 320;

    internal static string ToImgTag(RgbFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        string base64 = Convert.ToBase64String(Aim.Core.Envs.PngWriter.Encode(frame));
        int scale = Math.Max(1, TargetWidth / frame.Width);
        return $"<img src=\"data:image/png;base64,{base64}\" width=\"{frame.Width * scale}\" height=\"{frame.Height * scale}\" "
            + $"style=\"image-rendering: pixelated\" alt=\"frame {frame.Width}x{frame.Height}\" />";
    }
}
