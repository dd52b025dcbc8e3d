using System.Globalization;
using System.Text.Json.Serialization;
using TakeUp.Domain.Services;
using TakeUp.Functions.Json;

namespace TakeUp.Functions.Services;

public sealed record ShareByDate(double Share, DateOnly By);

public sealed record BaselineValue(double AssistedShare, DateOnly AsOf);

/// <summary>
/// A catalogue entry as the API returns it. Its contacts (the managers' e-mail addresses and the
/// alert routes, which hold addresses and webhook URLs) are left out for everyone but admins and
/// that service's own managers.
/// </summary>
public sealed record ServiceDocument(
    string Id,
    string Name,
    string Department,
    string DepartmentName,
    long? YearlyVolume,
    ShareByDate? DigitalTakeUpTarget,
    string FeedFrequency,
    BaselineValue? InclusionBaseline,
    int? SupportStandardDays,
    IReadOnlyList<string> OfflineChannels,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Managers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AlertRoutes)
{
    /// <summary>The entry as <paramref name="caller"/> may see it.</summary>
    public static ServiceDocument For(Auth.Caller caller, ServiceRecord s) =>
        caller.MaySeeContactsOf(s.Id) ? From(s) : From(s) with { Managers = null, AlertRoutes = null };

    public static ServiceDocument From(ServiceRecord s) => new(
        s.Id.Value, s.Name, s.Department.Value, s.DepartmentName, s.YearlyVolume,
        s.TakeUpTarget is { } t ? new ShareByDate(t.Share, t.By) : null,
        s.FeedFrequency.Name,
        s.InclusionBaseline is { } b ? new BaselineValue(b.AssistedShare, b.AsOf) : null,
        s.SupportStandardDays,
        s.OfflineChannels.Select(c => c.Name).ToList(),
        s.Managers,
        s.AlertRoutes.Select(r => r.ToString()).ToList());
}

/// <summary>The body of <c>PUT api/services/{serviceId}</c>; fields are read as text so each error is named.</summary>
public sealed record ServicePutDocument
{
    /// <summary>Optional; when given, the path's id (so a document read with GET can be sent back).</summary>
    [JsonConverter(typeof(ScalarTextConverter))] public string? Id { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? Name { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? Department { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? DepartmentName { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? YearlyVolume { get; init; }
    public ShareByDateInput? DigitalTakeUpTarget { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? FeedFrequency { get; init; }
    public BaselineInput? InclusionBaseline { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? SupportStandardDays { get; init; }
    public IReadOnlyList<string>? OfflineChannels { get; init; }
    public IReadOnlyList<string>? Managers { get; init; }
    public IReadOnlyList<string>? AlertRoutes { get; init; }

    public ServiceInput ToInput(string id) => new(
        0, id, Name, Department, DepartmentName, YearlyVolume,
        DigitalTakeUpTarget?.Share, DigitalTakeUpTarget?.By, FeedFrequency,
        InclusionBaseline?.AssistedShare, InclusionBaseline?.AsOf, SupportStandardDays,
        OfflineChannels, Managers, AlertRoutes);
}

public sealed record ShareByDateInput
{
    [JsonConverter(typeof(ScalarTextConverter))] public string? Share { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? By { get; init; }
}

public sealed record BaselineInput
{
    [JsonConverter(typeof(ScalarTextConverter))] public string? AssistedShare { get; init; }
    [JsonConverter(typeof(ScalarTextConverter))] public string? AsOf { get; init; }
}
