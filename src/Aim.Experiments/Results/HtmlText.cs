namespace Aim.Experiments.Results;

/// <summary>HTML escaping of the five markup characters only (a UTF-8 page keeps ±, ✓, β as they are).</summary>
internal static class HtmlText
{
    /// <summary>Escapes &amp;, &lt;, &gt;, " and '.</summary>
    public static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
