using Plotly.NET;

namespace Aim.Experiments.Charts;

/// <summary>Small conveniences that Plotly.NET.CSharp 0.14 lacks.</summary>
public static class ChartExtensions
{
    /// <summary>Sets the chart title.</summary>
    public static GenericChart WithTitle(this GenericChart chart, string title) =>
        Plotly.NET.Chart.withTitle(title, null).Invoke(chart);

    /// <summary>Sets the x- and y-axis titles (either may be null to leave it unchanged).</summary>
    public static GenericChart WithAxisTitles(this GenericChart chart, string? x = null, string? y = null)
    {
        if (x != null)
        {
            chart = Plotly.NET.CSharp.GenericChartExtensions.WithXAxisStyle<double, double, string>(chart, TitleText: x);
        }

        if (y != null)
        {
            chart = Plotly.NET.CSharp.GenericChartExtensions.WithYAxisStyle<double, double, string>(chart, TitleText: y);
        }

        return chart;
    }

    /// <summary>Writes the chart as a self-contained offline HTML page and returns its full path.</summary>
    public static string SaveOfflineHtml(this GenericChart chart, string path) => OfflinePlotly.SaveHtml(chart, path);
}
