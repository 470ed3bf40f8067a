using System.Reflection;

namespace Aim.Course;

/// <summary>The library files that hold the exercises' solutions, as this build embedded them (Aim.Course.csproj).</summary>
public static class SolutionSources
{
    /// <summary>The text of <paramref name="source"/> (a path from the repository root, such as
    /// <c>src/Aim.Learning/Algorithms/Aim/AimGate.cs</c>).</summary>
    /// <exception cref="ArgumentException">The file is not one of the embedded solution sources.</exception>
    public static string Read(string source)
    {
        string name = "solutions/" + Path.GetFileName(source);
        using Stream stream = typeof(SolutionSources).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"'{source}' is not an embedded solution source; Aim.Course.csproj embeds {string.Join(", ", Names())}.", nameof(source));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Names() =>
        typeof(SolutionSources).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("solutions/", StringComparison.Ordinal));
}
