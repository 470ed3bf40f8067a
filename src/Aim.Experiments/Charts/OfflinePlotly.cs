using System.Net;
using System.Reflection;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Aim.Experiments.Charts;

/// <summary>When the plotly.js library is written into chart HTML.</summary>
public enum PlotlyJsMode
{
    /// <summary>Only with the first chart of a session (notebooks: later outputs reuse the global <c>Plotly</c>).</summary>
    FirstChartPerSession,

    /// <summary>With every chart (each output is self-contained, about 3.6 MB each).</summary>
    EveryChart,
}

/// <summary>
/// Renders Plotly.NET charts to HTML that draws offline: plotly.js is read from Plotly.NET's embedded resource and
/// inlined, never fetched from a CDN.
/// </summary>
/// <remarks>
/// The library is wrapped in a function that shadows <c>define</c>, <c>exports</c> and <c>module</c>, so its UMD header
/// sets <c>window.Plotly</c> even on pages where require.js is loaded (classic Jupyter, nbconvert), where an unwrapped
/// copy registers an AMD module and leaves charts blank.
/// </remarks>
public static class OfflinePlotly
{
    private static readonly Lazy<string> s_plotlyJs = new(LoadPlotlyJs);
    private static int s_libraryEmitted;

    /// <summary>When plotly.js is inlined by <see cref="ToHtml"/>; default <see cref="PlotlyJsMode.FirstChartPerSession"/>.</summary>
    public static PlotlyJsMode Mode { get; set; } = PlotlyJsMode.FirstChartPerSession;

    /// <summary>The plotly.js source shipped inside Plotly.NET (the version Plotly.NET's JSON targets).</summary>
    public static string PlotlyJsSource => s_plotlyJs.Value;

    /// <summary>A script tag that defines <c>window.Plotly</c>, safe under require.js.</summary>
    public static string LibraryScriptTag() =>
        "<script type=\"text/javascript\">(function(define, exports, module){\n" + PlotlyJsSource + "\n}).call(window);</script>";

    /// <summary>HTML fragment for a notebook output; inlines plotly.js according to <see cref="Mode"/>.</summary>
    public static string ToHtml(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        string chartHtml = GenericChart.toChartHTML(WithoutReference(chart));
        bool embed = Mode == PlotlyJsMode.EveryChart || Interlocked.Exchange(ref s_libraryEmitted, 1) == 0;
        return embed ? LibraryScriptTag() + chartHtml : chartHtml;
    }

    /// <summary>The chart's HTML fragment without any library reference (for pages that inline plotly.js once).</summary>
    public static string ToFragment(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return GenericChart.toChartHTML(WithoutReference(chart));
    }

    /// <summary>A complete, self-contained HTML page holding <paramref name="chart"/>.</summary>
    public static string ToStandaloneHtml(GenericChart chart, string title = "chart")
    {
        ArgumentNullException.ThrowIfNull(chart);
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(title) + "</title>"
            + LibraryScriptTag() + "</head><body>" + GenericChart.toChartHTML(WithoutReference(chart)) + "</body></html>";
    }

    /// <summary>Writes <paramref name="chart"/> as a self-contained page and returns the full path.</summary>
    public static string SaveHtml(GenericChart chart, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, ToStandaloneHtml(chart, Path.GetFileNameWithoutExtension(full)));
        return full;
    }

    /// <summary>The figure (data and layout) as Plotly JSON.</summary>
    public static string ToFigureJson(GenericChart chart) => GenericChart.toFigureJson(chart);

    private static GenericChart WithoutReference(GenericChart chart) => GenericChart.addDisplayOptions(
        DisplayOptions.init(null, null, null, null, null, null, FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.NoReference)),
        chart);

    private static string LoadPlotlyJs()
    {
        Assembly assembly = typeof(GenericChart).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
