using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aim.Learning.Experts.Sb3;

/// <summary>
/// What the loader reads from the <c>data</c> entry of a Stable-Baselines3 zip (JSON written by SB3's
/// <c>data_to_json</c>): the observation shape and the hidden-layer activation named in <c>policy_kwargs</c>.
/// </summary>
/// <param name="ObservationShape">The saved observation space's <c>_shape</c>, or null when absent.</param>
/// <param name="ActivationName">The class name of <c>policy_kwargs.activation_fn</c> (e.g. <c>Tanh</c>), or null when absent.</param>
internal sealed record Sb3Metadata(IReadOnlyList<int>? ObservationShape, string? ActivationName)
{
    /// <summary>Nothing known: no <c>data</c> entry.</summary>
    public static Sb3Metadata Empty { get; } = new(null, null);

    /// <summary>Parses the <c>data</c> JSON; fields it cannot find stay null.</summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static Sb3Metadata Parse(string json)
    {
        // Python's json module writes NaN and ±Infinity bare (e.g. in episode buffers); JSON has no such literals.
        string strict = Regex.Replace(json, @"(?<=[\[:,]\s*)-?(?:NaN|Infinity)(?=\s*[,\]}])", "null");
        var options = new JsonDocumentOptions { AllowTrailingCommas = true };
        using JsonDocument document = JsonDocument.Parse(strict, options);
        JsonElement root = document.RootElement;
        IReadOnlyList<int>? shape = null;
        if (root.TryGetProperty("observation_space", out JsonElement space)
            && space.ValueKind == JsonValueKind.Object
            && space.TryGetProperty("_shape", out JsonElement shapeElement)
            && shapeElement.ValueKind == JsonValueKind.Array)
        {
            shape = shapeElement.EnumerateArray().Select(e => e.GetInt32()).ToArray();
        }

        string? activation = null;
        if (root.TryGetProperty("policy_kwargs", out JsonElement kwargs)
            && kwargs.ValueKind == JsonValueKind.Object
            && kwargs.TryGetProperty("activation_fn", out JsonElement activationElement)
            && activationElement.ValueKind == JsonValueKind.String)
        {
            // SB3 writes classes as their repr: "<class 'torch.nn.modules.activation.Tanh'>".
            string text = activationElement.GetString()!.Trim('<', '>', ' ');
            int quote = text.IndexOf('\'');
            string dotted = quote >= 0 ? text[(quote + 1)..].TrimEnd('\'') : text;
            activation = dotted[(dotted.LastIndexOf('.') + 1)..];
        }

        return new Sb3Metadata(shape, activation);
    }
}
