using System.Text.Json.Serialization;

namespace Aim.Play.Protocol;

/// <summary>What the session is doing at a frame, as the page shows it (sent by the lower-case names).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlayPhase>))]
internal enum PlayPhase
{
    /// <summary>The robot acts (or learns, or is evaluated); the person watches.</summary>
    [JsonStringEnumMemberName("robot")]
    Robot,

    /// <summary>The robot acts, but the person paused it.</summary>
    [JsonStringEnumMemberName("paused")]
    Paused,

    /// <summary>The robot asks for help: the person's turn starts.</summary>
    [JsonStringEnumMemberName("asking")]
    Asking,

    /// <summary>The person is in control (the warm-up, a take-over, or after a request).</summary>
    [JsonStringEnumMemberName("person")]
    Person,

    /// <summary>The run is over and written.</summary>
    [JsonStringEnumMemberName("finished")]
    Finished,
}
