namespace Aim.Core.Envs;

/// <summary>An RGB image, row-major, 3 bytes per pixel (height × width × 3, like Gymnasium's <c>rgb_array</c>).</summary>
public sealed class RgbFrame
{
    /// <summary>Creates a black frame of the given size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive.</exception>
    public RgbFrame(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new byte[width * height * 3];
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Pixel bytes, index <c>(y * Width + x) * 3 + channel</c>, channels R, G, B.</summary>
    public byte[] Pixels { get; }

    /// <summary>Sets one pixel; coordinates outside the frame are ignored (so shapes can be clipped by drawing code).</summary>
    public void Set(int x, int y, byte r, byte g, byte b)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return;
        }

        int i = ((y * Width) + x) * 3;
        Pixels[i] = r;
        Pixels[i + 1] = g;
        Pixels[i + 2] = b;
    }

    /// <summary>Writes the frame as a PNG file (creating the folder) and returns the full path (see <see cref="PngWriter"/>).</summary>
    public string SavePng(string path) => PngWriter.Save(this, path);

    /// <summary>Fills the rectangle [x0, x1) × [y0, y1), clipped to the frame.</summary>
    public void FillRect(int x0, int y0, int x1, int y1, byte r, byte g, byte b)
    {
        for (int y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
        {
            for (int x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
            {
                Set(x, y, r, g, b);
            }
        }
    }
}
