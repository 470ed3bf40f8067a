using System.Collections;
using System.Globalization;
using Aim.Experiments.Results;

namespace Aim.Interactive.Display;

/// <summary>The text a twin prints for a value its notebook displays as HTML (see <see cref="ScriptOutput.Show"/>).</summary>
internal static class PlainText
{
    /// <summary>
    /// Formats <paramref name="value"/>: Deedle frames and series and comparison tables as fixed-width tables,
    /// dictionaries as <c>key: value</c> lines, other sequences one item per line, anything else with
    /// <see cref="object.ToString"/> in the invariant culture.
    /// </summary>
    internal static string Format(object? value) => value switch
    {
        null => "<null>",
        string text => text,
        Deedle.Internal.IFsiFormattable deedle => deedle.Format(),
        ComparisonTable table => table.ToText(),
        IDictionary dictionary => Lines(Entries(dictionary).Select(e => $"{Format(e.Key)}: {Format(e.Value)}")),
        IEnumerable items => Lines(items.Cast<object?>().Select(Format)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    // A generic dictionary enumerates key-value pairs; its IDictionaryEnumerator gives the entries.
    private static IEnumerable<DictionaryEntry> Entries(IDictionary dictionary)
    {
        IDictionaryEnumerator entries = dictionary.GetEnumerator();
        while (entries.MoveNext())
        {
            yield return entries.Entry;
        }
    }

    private static string Lines(IEnumerable<string> lines) => string.Join(Environment.NewLine, lines);
}
