using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;

namespace TakeUp.Functions.Benchmarks;

/// <summary>
/// The latency of logging one assisted session through the app (<c>POST
/// api/services/carers-allowance/assisted-sessions</c>, answered 201) against one
/// <c>AddEntityAsync</c> of an entity with the same properties, each request on its own, one at a
/// time. Both are warmed up first; the measured requests run in alternating blocks so that neither
/// always meets a warmer emulator.
/// </summary>
internal sealed class SessionBenchmark(HttpClient frontline, TableServiceClient storage)
{
    public const string Service = "carers-allowance";
    public const int WarmUp = 50;
    private const int Blocks = 4;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly Uri Route = new($"/api/services/{Service}/assisted-sessions", UriKind.Relative);

    private readonly DateTimeOffset _firstWhen = TruncateToMinute(DateTimeOffset.UtcNow.AddHours(-2));

    public async Task<(LatencySummary App, LatencySummary Raw)> RunAsync(int sessions, CancellationToken cancellationToken)
    {
        var table = storage.GetTableClient("bench" + Guid.NewGuid().ToString("N"));
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var next = 0;
            for (var i = 0; i < WarmUp; i++, next++)
            {
                await PostAsync(next, cancellationToken);
                await InsertAsync(table, next, cancellationToken);
            }

            var app = new List<double>(sessions);
            var raw = new List<double>(sessions);
            for (var block = 0; block < Blocks; block++)
            {
                var size = (sessions / Blocks) + (block < sessions % Blocks ? 1 : 0);
                var first = next;
                next += size;
                async Task AppBlock()
                {
                    for (var i = first; i < first + size; i++)
                    {
                        app.Add(await PostAsync(i, cancellationToken));
                    }
                }

                async Task RawBlock()
                {
                    for (var i = first; i < first + size; i++)
                    {
                        raw.Add(await InsertAsync(table, i, cancellationToken));
                    }
                }

                if (block % 2 == 0)
                {
                    await AppBlock();
                    await RawBlock();
                }
                else
                {
                    await RawBlock();
                    await AppBlock();
                }
            }

            return (LatencySummary.From(app), LatencySummary.From(raw));
        }
        finally
        {
            await table.DeleteAsync(CancellationToken.None);
        }
    }

    /// <summary>One session through the app; the body is serialised before the clock starts.</summary>
    private async Task<double> PostAsync(int i, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            when = When(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            route = "in-person",
            helpType = "guided",
            provider = "dwp",
            site = "Leeds",
            staffReference = "staff-042",
            inclusionPoint = "3",
            reasons = new[] { "lacks-confidence" },
            durationMinutes = "25",
            outcome = "completed",
            showedHowToDoItAlone = "true",
            wouldTryAlone = "yes",
            notes = "Helped with the online form",
        }, Json));
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var stopwatch = Stopwatch.StartNew();
        using var response = await frontline.PostAsync(Route, content, cancellationToken);
        stopwatch.Stop();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException(
                $"POST {Route} answered {(int)response.StatusCode}, not 201: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>One entity with the properties the app stores for a session, keyed as it keys them.</summary>
    private async Task<double> InsertAsync(TableClient table, int i, CancellationToken cancellationToken)
    {
        var when = When(i);
        var id = Guid.CreateVersion7(when);
        var inverted = DateTimeOffset.MaxValue.UtcTicks - when.UtcTicks;
        var entity = new TableEntity(
            $"{Service}|{when.ToString("yyyyMM", CultureInfo.InvariantCulture)}",
            $"{inverted.ToString("D19", CultureInfo.InvariantCulture)}|{id:D}")
        {
            ["Id"] = id,
            ["Service"] = Service,
            ["When"] = when.ToString("O", CultureInfo.InvariantCulture),
            ["Route"] = "in-person",
            ["HelpType"] = "guided",
            ["Provider"] = "dwp",
            ["Site"] = "Leeds",
            ["StaffReference"] = "staff-042",
            ["InclusionPoint"] = 3,
            ["Reasons"] = "lacks-confidence",
            ["DurationMinutes"] = 25,
            ["Outcome"] = "completed",
            ["ShowedHowToDoItAlone"] = true,
            ["WouldTryAlone"] = "yes",
            ["Notes"] = "Helped with the online form",
        };

        var stopwatch = Stopwatch.StartNew();
        await table.AddEntityAsync(entity, cancellationToken);
        stopwatch.Stop();
        return stopwatch.Elapsed.TotalMilliseconds;
    }

    /// <summary>A second apart, going back from two hours ago: in the past, and well within the year the app accepts.</summary>
    private DateTimeOffset When(int i) => _firstWhen.AddSeconds(-i);

    private static DateTimeOffset TruncateToMinute(DateTimeOffset value) =>
        new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, TimeSpan.Zero);
}
