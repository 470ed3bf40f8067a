using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Deedle;

namespace Aim.Interactive.Display;

/// <summary>HTML tables for Deedle frames and series (without them the kernel shows a tree of Deedle internals).</summary>
internal static class DeedleHtml
{
    /// <summary>Rows (or series keys) shown before the table is cut off.</summary>
    internal const int MaxRows = 20;

    /// <summary>Formats any <c>Frame&lt;,&gt;</c> or <c>Series&lt;,&gt;</c> instance (the formatter gets it as object).</summary>
    internal static string Format(object value, string methodName)
    {
        MethodInfo method = typeof(DeedleHtml).GetMethod(methodName, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(value.GetType().GetGenericArguments());
        return (string)method.Invoke(null, [value])!;
    }

    internal static string Frame<TRow, TCol>(Frame<TRow, TCol> frame)
    {
        var sb = new StringBuilder("<table><thead><tr><th></th>");
        foreach (TCol column in frame.ColumnKeys)
        {
            sb.Append("<th>").Append(Encode(column)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        var columns = frame.ColumnKeys.Select(c => frame.GetColumn<object>(c)).ToArray();
        foreach (TRow row in frame.RowKeys.Take(MaxRows))
        {
            sb.Append("<tr><th>").Append(Encode(row)).Append("</th>");
            foreach (Series<TRow, object> column in columns)
            {
                OptionalValue<object> cell = column.TryGet(row);
                sb.Append("<td>").Append(cell.HasValue ? Encode(cell.Value) : "<i>N/A</i>").Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>");
        if (frame.RowCount > MaxRows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>({frame.RowCount} rows × {frame.ColumnCount} columns, first {MaxRows} shown)</p>");
        }

        return sb.ToString();
    }

    internal static string Series<TKey, TValue>(Series<TKey, TValue> series)
    {
        var sb = new StringBuilder("<table><tbody>");
        foreach (KeyValuePair<TKey, TValue> pair in series.Observations.Take(MaxRows))
        {
            sb.Append("<tr><th>").Append(Encode(pair.Key)).Append("</th><td>").Append(Encode(pair.Value)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>");
        if (series.KeyCount > MaxRows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p>({series.KeyCount} keys, first {MaxRows} shown)</p>");
        }

        return sb.ToString();
    }

    private static string Encode(object? value) => value switch
    {
        double d => WebUtility.HtmlEncode(d.ToString("G6", CultureInfo.InvariantCulture)),
        float f => WebUtility.HtmlEncode(f.ToString("G6", CultureInfo.InvariantCulture)),
        _ => WebUtility.HtmlEncode(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };
}
