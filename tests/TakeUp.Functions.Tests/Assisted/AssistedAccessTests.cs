using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Assisted.AssistedApi;

namespace TakeUp.Functions.Tests.Assisted;

/// <summary>Design invariant 7 for the assisted-digital endpoints: who may write, who may read.</summary>
public class AssistedAccessTests
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;

    private static readonly string[] Endpoints =
        ["log session", "import sessions", "list sessions", "get session", "open request", "update request", "list requests", "get request"];

    [Fact]
    public async Task Front_line_staff_of_the_service_write_readers_read_and_everyone_else_is_refused()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var session = await LogAsync(frontline, Session());
        var request = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" } });
        var clients = new Dictionary<string, HttpClient>
        {
            ["frontline of the service"] = frontline,
            ["frontline of an HMRC service"] = await app.ClientAsync("frontline", ["digital-self-assessment"]),
            ["frontline of another DWP service"] = await app.ClientAsync("frontline", ["state-pension-online"]),
            ["service manager of the service"] = await app.ClientAsync("service-manager", [Service]),
            ["service manager of another service"] = await app.ClientAsync("service-manager", ["digital-self-assessment"]),
            ["gds"] = await app.GdsAsync(),
            ["admin"] = await app.ClientAsync("admin"),
            ["ingest for the department"] = await app.IngestAsync("dwp"),
            ["no key"] = app.CreateClient(),
        };
        var expected = new Dictionary<string, HttpStatusCode[]>
        {
            ["frontline of the service"] = [Created, Created, Forbidden, Ok, Created, Ok, Forbidden, Ok],
            ["frontline of an HMRC service"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["frontline of another DWP service"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["service manager of the service"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Ok, Ok],
            ["service manager of another service"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["gds"] = [Forbidden, Forbidden, Ok, Ok, Forbidden, Forbidden, Ok, Ok],
            ["admin"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["ingest for the department"] = [Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden],
            ["no key"] = [Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized],
        };

        var failures = new List<string>();
        foreach (var (who, client) in clients)
        {
            for (var i = 0; i < Endpoints.Length; i++)
            {
                var response = await client.SendAsync(Call(Endpoints[i], Service, session.Id, request.Id));
                if (response.StatusCode != expected[who][i])
                {
                    failures.Add($"{who}, {Endpoints[i]}: expected {(int)expected[who][i]}, got {(int)response.StatusCode}");
                }
                else if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{who}, {Endpoints[i]}: {(int)response.StatusCode} without a problem+json body");
                }
            }
        }

        Assert.Empty(failures);
        foreach (var client in clients.Values.Where(c => c != frontline))
        {
            client.Dispose();
        }

        // Only the front-line writes above were recorded: one more session each way, one more request.
        using var gds = await app.GdsAsync();
        Assert.Equal(1 + 1 + 1, (await gds.GetFromJsonAsync<AssistedSessionList>(Sessions))!.Sessions.Count);
        Assert.Equal(2, (await gds.GetFromJsonAsync<SupportRequestList>(Requests))!.Requests.Count);
    }

    [Fact]
    public async Task An_unknown_service_is_a_404_and_a_malformed_service_id_a_400_for_every_endpoint()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service, "no-such-service"]);
        using var gds = await app.GdsAsync();

        foreach (var endpoint in Endpoints)
        {
            var client = endpoint.StartsWith("list", StringComparison.Ordinal) ? gds : frontline;
            var unknown = await client.SendAsync(Call(endpoint, "no-such-service", Guid.NewGuid(), Guid.NewGuid()));
            var malformed = await client.SendAsync(Call(endpoint, "No_Such!", Guid.NewGuid(), Guid.NewGuid()));

            Assert.True(unknown.StatusCode == HttpStatusCode.NotFound, $"{endpoint}: {(int)unknown.StatusCode}");
            Assert.True(malformed.StatusCode == HttpStatusCode.BadRequest, $"{endpoint}: {(int)malformed.StatusCode}");
        }
    }

    private static HttpRequestMessage Call(string endpoint, string service, Guid sessionId, Guid requestId)
    {
        var sessions = $"/api/services/{service}/assisted-sessions";
        var requests = $"/api/services/{service}/support-requests";
        return endpoint switch
        {
            "log session" => new(HttpMethod.Post, sessions) { Content = JsonContent.Create(Session()) },
            "import sessions" => new(HttpMethod.Post, $"{sessions}/import")
            {
                Content = new StringContent("when,route,helpType,provider,staffReference,reasons,durationMinutes,outcome,showedHowToDoItAlone,wouldTryAlone\n"
                    + "2026-11-20T10:00,phone,guided,dwp,ab1234,language,10,completed,yes,yes\n", Encoding.UTF8, "text/csv"),
            },
            "list sessions" => new(HttpMethod.Get, sessions),
            "get session" => new(HttpMethod.Get, $"{sessions}/{sessionId}"),
            "open request" => new(HttpMethod.Post, requests) { Content = JsonContent.Create(new { route = "phone", reasons = new[] { "language" } }) },
            "update request" => new(HttpMethod.Patch, $"{requests}/{requestId}") { Content = JsonContent.Create(new { sessionId }) },
            "list requests" => new(HttpMethod.Get, requests),
            "get request" => new(HttpMethod.Get, $"{requests}/{requestId}"),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not an assisted-digital endpoint."),
        };
    }
}
