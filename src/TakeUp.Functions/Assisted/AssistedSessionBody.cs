using System.Text.Json.Serialization;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Services;
using TakeUp.Functions.Json;

namespace TakeUp.Functions.Assisted;

/// <summary>
/// The JSON body of <c>POST api/services/{serviceId}/assisted-sessions</c>. Every field is read as
/// the text sent, so a wrongly typed value is refused by validation naming its field. There is no
/// field for the person helped, and anything else sent is ignored, never stored.
/// </summary>
public sealed record AssistedSessionBody
{
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? When { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Route { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? HelpType { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Provider { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Site { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? StaffReference { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? InclusionPoint { get; init; }

    [JsonConverter(typeof(TextListConverter))]
    public IReadOnlyList<string>? Reasons { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? DurationMinutes { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Outcome { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? ShowedHowToDoItAlone { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? WouldTryAlone { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Notes { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? SupportRequestId { get; init; }

    /// <summary>The session as row 1 of a submission for the route's service.</summary>
    public AssistedSessionInput ToInput(ServiceId service) => new()
    {
        Row = 1,
        Service = service.Value,
        When = When,
        Route = Route,
        HelpType = HelpType,
        Provider = Provider,
        Site = Site,
        StaffReference = StaffReference,
        InclusionPoint = InclusionPoint,
        Reasons = Reasons,
        DurationMinutes = DurationMinutes,
        Outcome = Outcome,
        ShowedHowToDoItAlone = ShowedHowToDoItAlone,
        WouldTryAlone = WouldTryAlone,
        Notes = Notes,
        SupportRequestId = SupportRequestId,
    };
}
