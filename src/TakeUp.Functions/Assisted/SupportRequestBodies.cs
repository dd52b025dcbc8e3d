using System.Text.Json.Serialization;
using TakeUp.Functions.Json;

namespace TakeUp.Functions.Assisted;

/// <summary>The JSON body of <c>POST api/services/{serviceId}/support-requests</c>; every field read as text so each error is named.</summary>
public sealed record OpenSupportRequestBody
{
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Route { get; init; }

    [JsonConverter(typeof(TextListConverter))]
    public IReadOnlyList<string>? Reasons { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? InclusionPoint { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Notes { get; init; }

    /// <summary>When the help was asked for; now when left out.</summary>
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? OpenedAt { get; init; }
}

/// <summary>The JSON body of <c>PATCH api/services/{serviceId}/support-requests/{id}</c>.</summary>
public sealed record UpdateSupportRequestBody
{
    /// <summary><c>resolved</c> or <c>withdrawn</c>; left out to link a session only.</summary>
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Status { get; init; }

    /// <summary>When it was resolved or withdrawn; now when left out.</summary>
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? At { get; init; }

    /// <summary>An assisted session of the same service to list on the request.</summary>
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? SessionId { get; init; }

    /// <summary>Closing notes, given with the status.</summary>
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Notes { get; init; }
}
