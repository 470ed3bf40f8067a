using Aim.Core.Envs;
using Aim.Interactive.Display;

namespace Aim.Tests.Interactive;

public class FrameHtmlTests
{
    [Fact]
    public void FrameHtmlIsAnInlinePngImage()
    {
        string html = FrameHtml.ToImgTag(new RgbFrame(8, 4));
        Assert.StartsWith("<img src=\"data:image/png;base64,", html);
        Assert.Contains("width=\"320\"", html);
        Assert.Contains("height=\"160\"", html);
    }
}
