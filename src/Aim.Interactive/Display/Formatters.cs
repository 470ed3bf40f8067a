using System.Runtime.CompilerServices;
using Aim.Core.Envs;
using Aim.Experiments.Charts;
using Aim.Experiments.Results;
using Microsoft.DotNet.Interactive.Formatting;

namespace Aim.Interactive.Display;

/// <summary>Registers the project's HTML formatters with the kernel.</summary>
internal static class Formatters
{
    private static int s_registered;

    /// <summary>
    /// Registers the formatters once. Not inlined: the caller must have installed the FSharp.Core redirect before this
    /// method (which touches Plotly.NET and Deedle types) is JIT-compiled.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 1)
        {
            return;
        }

        Formatter.Register<Plotly.NET.GenericChart>((chart, writer) => writer.Write(OfflinePlotly.ToHtml(chart)), HtmlFormatter.MimeType);
        Formatter.Register(typeof(Deedle.Frame<,>), (value, writer) => writer.Write(DeedleHtml.Format(value, nameof(DeedleHtml.Frame))), HtmlFormatter.MimeType);
        Formatter.Register(typeof(Deedle.Series<,>), (value, writer) => writer.Write(DeedleHtml.Format(value, nameof(DeedleHtml.Series))), HtmlFormatter.MimeType);
        Formatter.Register<RgbFrame>((frame, writer) => writer.Write(FrameHtml.ToImgTag(frame)), HtmlFormatter.MimeType);
        Formatter.Register<ComparisonTable>((table, writer) => writer.Write(table.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<Play.PlayLink>((link, writer) => writer.Write(link.ToHtml()), HtmlFormatter.MimeType);
    }
}
