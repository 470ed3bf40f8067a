using System.Collections.Concurrent;

namespace Aim.Play.Server;

/// <summary>The page's files, embedded in the assembly (wwwroot/), so the page works from any install without a content folder.</summary>
internal static class PageAssets
{
    private static readonly ConcurrentDictionary<string, string> s_cache = new(StringComparer.Ordinal);

    /// <summary>The text of <c>wwwroot/{name}</c>.</summary>
    /// <exception cref="FileNotFoundException">No such embedded file.</exception>
    public static string Text(string name) => s_cache.GetOrAdd(name, static n =>
    {
        using Stream stream = typeof(PageAssets).Assembly.GetManifestResourceStream("wwwroot/" + n)
            ?? throw new FileNotFoundException($"The page asset 'wwwroot/{n}' is not embedded in Aim.Play.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
