namespace Aim.Experiments.Reports;

/// <summary>One colour per series, stable across the charts of a report (plotly's default ten, then repeated).</summary>
public sealed class SeriesPalette
{
    private static readonly string[] s_colours =
    [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    private readonly Dictionary<string, string> _bySeries = new(StringComparer.Ordinal);

    /// <summary>Assigns colours to <paramref name="series"/> in order.</summary>
    public SeriesPalette(IEnumerable<string> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        foreach (string s in series)
        {
            _bySeries.TryAdd(s, s_colours[_bySeries.Count % s_colours.Length]);
        }
    }

    /// <summary>The colour of <paramref name="series"/> as "#rrggbb" (a new one for an unseen series).</summary>
    public string this[string series]
    {
        get
        {
            if (!_bySeries.TryGetValue(series, out string? colour))
            {
                colour = s_colours[_bySeries.Count % s_colours.Length];
                _bySeries[series] = colour;
            }

            return colour;
        }
    }

    /// <summary>The colour with transparency <paramref name="alpha"/>, as "rgba(r,g,b,a)".</summary>
    public string Translucent(string series, double alpha = 0.18)
    {
        string hex = this[series];
        int r = Convert.ToInt32(hex.Substring(1, 2), 16);
        int g = Convert.ToInt32(hex.Substring(3, 2), 16);
        int b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rgba({r},{g},{b},{alpha})");
    }
}
