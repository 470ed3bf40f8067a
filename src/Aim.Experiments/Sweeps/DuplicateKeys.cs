using System.Text.Json;

namespace Aim.Experiments.Sweeps;

/// <summary>
/// Finds a key that appears twice in one JSON object. The serializer keeps the last of two equal keys, so a config with
/// <c>"methods"</c> twice would run only the second list; such a config is refused instead, at any depth.
/// </summary>
internal static class DuplicateKeys
{
    /// <summary>Throws when an object of <paramref name="json"/> holds the same key twice, naming the key and where it is.</summary>
    /// <param name="json">The JSON text (comments and trailing commas allowed, as the config reader allows them).</param>
    /// <param name="source">What the text is, for the message (e.g. the file's path).</param>
    /// <exception cref="ArgumentException">A key appears twice in one object.</exception>
    /// <exception cref="JsonException">The text is not JSON (the caller reports it as such).</exception>
    public static void Ensure(ReadOnlySpan<byte> json, string source)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        // One entry per open container: the keys seen in it (null for an array) and its path, e.g. "method_set.bc".
        var open = new Stack<(HashSet<string>? Keys, string Path)>();
        string? pendingKey = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    string path = open.Count == 0 ? string.Empty : Join(open.Peek().Path, open.Peek().Keys is null ? "[]" : pendingKey!);
                    open.Push((reader.TokenType == JsonTokenType.StartObject ? new HashSet<string>(StringComparer.Ordinal) : null, path));
                    pendingKey = null;
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    pendingKey = reader.GetString()!;
                    (HashSet<string>? keys, string where) = open.Peek();
                    if (!keys!.Add(pendingKey))
                    {
                        string place = where.Length == 0 ? "at the top level" : $"in \"{where}\"";
                        throw new ArgumentException($"{source}: key '{pendingKey}' appears twice {place}; give each key once.");
                    }

                    break;
                default:
                    pendingKey = null;
                    break;
            }
        }
    }

    private static string Join(string parent, string key) => parent.Length == 0 ? key : key == "[]" ? parent + key : $"{parent}.{key}";
}
