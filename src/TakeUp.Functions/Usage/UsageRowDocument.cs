using System.Text.Json.Serialization;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Json;

namespace TakeUp.Functions.Usage;

/// <summary>One usage row as JSON, in an HTTP submission or a queue message (see docs/api.md).</summary>
public sealed record UsageRowDocument
{
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Date { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Service { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Channel { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Assisted { get; init; }

    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Count { get; init; }

    public UsageRowInput ToInput(int row) => new(row, Date, Service, Channel, Assisted, Count);

    public static UsageRowDocument From(UsageRow row) => new()
    {
        Date = row.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Service = row.Service.Value,
        Channel = row.Key.Channel.Name,
        Assisted = row.Key.Assisted.Name,
        Count = row.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
