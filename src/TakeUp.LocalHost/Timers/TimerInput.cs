using System.Text.Json;
using System.Text.Json.Serialization;

namespace TakeUp.LocalHost.Timers;

/// <summary>
/// The timer trigger's input as the host sends it (TypedData.json), which the worker's Timer
/// extension deserialises into TimerInfo.
/// </summary>
internal sealed record TimerInput(
    [property: JsonPropertyName("Schedule")] TimerInput.ScheduleInfo Schedule,
    [property: JsonPropertyName("ScheduleStatus")] TimerInput.Status? ScheduleStatus,
    [property: JsonPropertyName("IsPastDue")] bool IsPastDue)
{
    /// <summary>
    /// A run asked for through the admin API: as the Functions host does for a manual run, with no
    /// schedule status, so a function can tell it from a scheduled firing.
    /// </summary>
    public static string ManualJson() =>
        JsonSerializer.Serialize(new TimerInput(new ScheduleInfo(true), null, false));

    public static string Json(DateTimeOffset? last, DateTimeOffset next, DateTimeOffset lastUpdated, bool isPastDue) =>
        JsonSerializer.Serialize(new TimerInput(
            new ScheduleInfo(true),
            new Status((last ?? DateTimeOffset.MinValue).UtcDateTime, next.UtcDateTime, lastUpdated.UtcDateTime),
            isPastDue));

    internal sealed record ScheduleInfo([property: JsonPropertyName("AdjustForDST")] bool AdjustForDst);

    internal sealed record Status(
        [property: JsonPropertyName("Last")] DateTime Last,
        [property: JsonPropertyName("Next")] DateTime Next,
        [property: JsonPropertyName("LastUpdated")] DateTime LastUpdated);
}
