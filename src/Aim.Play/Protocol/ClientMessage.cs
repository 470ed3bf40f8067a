using System.Text.Json;
using Aim.Envs.Grid;

namespace Aim.Play.Protocol;

/// <summary>What a message from the page asks for.</summary>
internal enum ClientMessageKind
{
    /// <summary>A grid action: <c>{"type":"act","action":"forward"}</c>.</summary>
    Act,

    /// <summary>The driving keys now held: <c>{"type":"keys","steer":1,"throttle":0}</c> (each −1, 0 or 1).</summary>
    Keys,

    /// <summary>Pause the robot's steps.</summary>
    Pause,

    /// <summary>Resume them.</summary>
    Resume,

    /// <summary>The pause before each robot step: <c>{"type":"speed","delayMs":300}</c>.</summary>
    Speed,

    /// <summary>Take control, or give it back (human-gated methods).</summary>
    Takeover,

    /// <summary>Stop the session (the run so far is kept).</summary>
    Stop,
}

/// <summary>
/// One message from the page, checked: the page may send actions, held keys, pause and resume, the pace, the take-over
/// key and stop, nothing else (no paths, no option strings). Anything else is refused with a message that says what
/// was expected.
/// </summary>
internal sealed record ClientMessage(ClientMessageKind Kind, int Action = 0, int Steer = 0, int Throttle = 0, int DelayMs = 0)
{
    /// <summary>Longest message accepted, in bytes.</summary>
    public const int MaxBytes = 1024;

    private static readonly string[] s_actionNames = Enum.GetNames<GridAction>().Select(n => n.ToLowerInvariant()).ToArray();

    /// <summary>The grid action names the page sends (MiniGrid's, lower case), in action-index order.</summary>
    public static IReadOnlyList<string> ActionNames => s_actionNames;

    /// <summary>Parses and checks one message.</summary>
    /// <exception cref="FormatException">The message is not one of the allowed ones; the text says what was expected.</exception>
    public static ClientMessage Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The message is not JSON ({e.Message}); expected an object such as {{\"type\":\"pause\"}}.");
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"The message is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; expected an object such as {{\"type\":\"pause\"}}.");
            }

            if (!root.TryGetProperty("type", out JsonElement typeElement) || typeElement.ValueKind != JsonValueKind.String)
            {
                throw new FormatException("The message has no string 'type'; expected one of act, keys, pause, resume, speed, takeover, stop.");
            }

            string type = typeElement.GetString()!;
            switch (type)
            {
                case "act":
                    OnlyKeys(root, type, "action");
                    string name = String(root, "action", type);
                    int action = Array.IndexOf(s_actionNames, name);
                    if (action < 0)
                    {
                        throw new FormatException($"Unknown action '{name}'; expected one of {string.Join(", ", s_actionNames)}.");
                    }

                    return new ClientMessage(ClientMessageKind.Act, Action: action);
                case "keys":
                    OnlyKeys(root, type, "steer", "throttle");
                    return new ClientMessage(ClientMessageKind.Keys, Steer: Unit(root, "steer"), Throttle: Unit(root, "throttle"));
                case "speed":
                    OnlyKeys(root, type, "delayMs");
                    int delay = Integer(root, "delayMs", type);
                    int max = (int)PlayOptions.MaxStepDelay.TotalMilliseconds;
                    if (delay < 0 || delay > max)
                    {
                        throw new FormatException($"delayMs {delay} is out of range; expected 0 to {max}.");
                    }

                    return new ClientMessage(ClientMessageKind.Speed, DelayMs: delay);
                case "pause":
                case "resume":
                case "takeover":
                case "stop":
                    OnlyKeys(root, type);
                    return new ClientMessage(type switch
                    {
                        "pause" => ClientMessageKind.Pause,
                        "resume" => ClientMessageKind.Resume,
                        "takeover" => ClientMessageKind.Takeover,
                        _ => ClientMessageKind.Stop,
                    });
                default:
                    throw new FormatException($"Unknown message type '{type}'; expected one of act, keys, pause, resume, speed, takeover, stop.");
            }
        }
    }

    private static void OnlyKeys(JsonElement root, string type, params string[] allowed)
    {
        foreach (JsonProperty p in root.EnumerateObject())
        {
            if (p.Name != "type" && !allowed.Contains(p.Name, StringComparer.Ordinal))
            {
                string expected = allowed.Length == 0 ? "no other fields" : string.Join(", ", allowed);
                throw new FormatException($"A '{type}' message has an unexpected field '{p.Name}'; expected {expected}.");
            }
        }
    }

    private static string String(JsonElement root, string name, string type) =>
        root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String
            ? e.GetString()!
            : throw new FormatException($"A '{type}' message needs a string '{name}'.");

    private static int Integer(JsonElement root, string name, string type) =>
        root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out int value)
            ? value
            : throw new FormatException($"A '{type}' message needs an integer '{name}'.");

    private static int Unit(JsonElement root, string name)
    {
        int value = Integer(root, name, "keys");
        return value is >= -1 and <= 1 ? value : throw new FormatException($"{name} {value} is out of range; expected -1, 0 or 1.");
    }
}
