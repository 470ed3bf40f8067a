using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aim.Play.Protocol;

/// <summary>One score a gate compared with its threshold at the shown decision (AIM: Q^I(s, a_r) against β).</summary>
/// <param name="Name">The score's name.</param>
/// <param name="Value">Its value (null when the rule did not compute it at this step).</param>
/// <param name="ThresholdName">The threshold's name.</param>
/// <param name="Threshold">Its value (null when not fitted yet).</param>
/// <param name="Rule">When the rule fires, in words ("asks when above").</param>
/// <param name="Fires">True when the score is on the firing side of the threshold.</param>
internal sealed record Gauge(string Name, double? Value, string ThresholdName, double? Threshold, string Rule, bool Fires);

/// <summary>Counters of the session so far.</summary>
internal sealed record Counters(long EnvSteps, long ExpertCost, int Episodes, long Requests, long PersonLabels);

/// <summary>The latest evaluation on the held-out layouts.</summary>
internal sealed record EvaluationSummary(double EnvSteps, double ExpertCost, double Success);

/// <summary>
/// Everything the page shows at one moment (a whole picture, not a difference, so a tab that connects late or misses
/// a frame is right at the next one).
/// </summary>
internal sealed record FrameMessage(
    PlayPhase Phase,
    string Status,
    string Controller,
    long Step,
    int Episode,
    bool WarmUp,
    string Scene,
    string? View,
    string? RobotAction,
    string? Reason,
    IReadOnlyList<Gauge> Gauges,
    Counters Counters,
    EvaluationSummary? LastEvaluation,
    bool Paused,
    int DelayMs,
    bool HoldsControl)
{
    /// <summary>Message type.</summary>
    public string Type => "frame";
}

/// <summary>Sent first on every connection: who this tab is and what the session runs.</summary>
internal sealed record HelloMessage(string Role, string Task, string Method, bool Driving, bool HumanGated, IReadOnlyList<string> Actions)
{
    /// <summary>Message type.</summary>
    public string Type => "hello";
}

/// <summary>The live charts (Plotly figure JSON, the report's figures), after each evaluation.</summary>
internal sealed record ChartsMessage(IReadOnlyList<JsonElement> Figures)
{
    /// <summary>Message type.</summary>
    public string Type => "charts";
}

/// <summary>A refused message or a failed run, in words.</summary>
internal sealed record ErrorMessage(string Message)
{
    /// <summary>Message type.</summary>
    public string Type => "error";
}

/// <summary>A remark that is not an error (a key pressed while the robot drives).</summary>
internal sealed record NoticeMessage(string Message)
{
    /// <summary>Message type.</summary>
    public string Type => "notice";
}

/// <summary>The run ended (budget spent or stopped); its directory holds the ordinary run files.</summary>
internal sealed record FinishedMessage(string RunDirectory, bool Stopped, string? Error)
{
    /// <summary>Message type.</summary>
    public string Type => "finished";
}

/// <summary>The JSON form of the messages: camelCase, NaN and infinities as null.</summary>
internal static class MessageJson
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    /// <summary>Serializes a message to UTF-8.</summary>
    public static byte[] Encode<T>(T message) => JsonSerializer.SerializeToUtf8Bytes(message, s_options);

    /// <summary>A finite value, or null (JSON has no NaN).</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
