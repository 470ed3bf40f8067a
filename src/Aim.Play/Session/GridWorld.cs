using Aim.Core.Envs;
using Aim.Envs.Grid;
using Aim.Play.Protocol;

namespace Aim.Play.Session;

/// <summary>The grid's pictures: the whole layout in MiniGrid's style with the cells the agent sees lightened, and its 7 × 7 view.</summary>
internal sealed class GridWorld : IPlayWorld
{
    private readonly GridEnv _env;

    public GridWorld(GridEnv env) => _env = env;

    public bool IsDriving => false;

    public string RenderScene() => DataUrl.Png(_env.Render(highlightView: true));

    public string? RenderView() => DataUrl.Png(_env.RenderView(24));

    public string ActionName(ReadOnlySpan<float> action)
    {
        int index = (int)action[0];
        return index >= 0 && index < ClientMessage.ActionNames.Count ? ClientMessage.ActionNames[index] : $"action {index}";
    }
}

/// <summary>PNG data URLs for the page's images.</summary>
internal static class DataUrl
{
    /// <summary>The frame as <c>data:image/png;base64,…</c>.</summary>
    public static string Png(RgbFrame frame) => "data:image/png;base64," + Convert.ToBase64String(PngWriter.Encode(frame));
}
