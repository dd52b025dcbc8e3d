using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Assisted;

/// <summary>What the assisted-digital tests send, through the app's HTTP interface only.</summary>
public static class AssistedApi
{
    public const string Service = "carers-allowance";
    public const string Sessions = "/api/services/carers-allowance/assisted-sessions";
    public const string Requests = "/api/services/carers-allowance/support-requests";

    /// <summary>A valid session body, with any field replaced or (given null) left out.</summary>
    public static Dictionary<string, object?> Session(params (string Field, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["when"] = "2026-11-20T14:30",
            ["route"] = "in-person",
            ["helpType"] = "guided",
            ["provider"] = "dwp",
            ["site"] = "Leeds Jobcentre",
            ["staffReference"] = "ab1234",
            ["inclusionPoint"] = 3,
            ["reasons"] = new[] { "lacks-confidence", "no-device" },
            ["durationMinutes"] = 30,
            ["outcome"] = "completed",
            ["showedHowToDoItAlone"] = true,
            ["wouldTryAlone"] = "yes",
            ["notes"] = "Helped upload two documents.",
        };
        foreach (var (field, value) in changes)
        {
            if (value is null)
            {
                body.Remove(field);
            }
            else
            {
                body[field] = value;
            }
        }

        return body;
    }

    public static async Task<AssistedSessionDocument> LogAsync(HttpClient client, object body, string sessions = Sessions)
    {
        var response = await client.PostAsJsonAsync(sessions, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<AssistedSessionDocument>())!;
    }

    public static async Task<SupportRequestDocument> OpenAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync(Requests, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<SupportRequestDocument>())!;
    }

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, object body) =>
        client.PatchAsJsonAsync($"{Requests}/{id}", body);

    public static Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, string sessions = Sessions) =>
        client.PostAsync($"{sessions}/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Every page of a listing, following <c>continuation</c> to the end.</summary>
    public static async Task<(List<AssistedSessionDocument> Sessions, int Pages)> ListAllAsync(HttpClient client, string query)
    {
        var all = new List<AssistedSessionDocument>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var url = $"{Sessions}?{query}" + (continuation is null ? "" : $"&continuation={Uri.EscapeDataString(continuation)}");
            var page = await client.GetFromJsonAsync<AssistedSessionList>(url);
            all.AddRange(page!.Sessions);
            continuation = page.Continuation;
            pages++;
            Assert.True(pages < 100, "the listing never ended");
        }
        while (continuation is not null);

        return (all, pages);
    }

    /// <summary>The (row, field) of every error in a 400 problem, in order.</summary>
    public static async Task<List<(int Row, string Field)>> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!))
            .ToList();
    }

    /// <summary>The app with its clock starting at <paramref name="start"/> instead of the default.</summary>
    public static Task<TakeUpApp> StartAtAsync(DateTimeOffset start) =>
        TakeUpApp.StartAsync(services => services.AddSingleton<TimeProvider>(new TestClock(start)));

    public static string CsvRow(
        string when = "2026-11-20T10:00", string route = "in-person", string helpType = "guided", string provider = "dwp",
        string site = "Leeds Jobcentre", string staffReference = "ab1234", string inclusionPoint = "4", string reasons = "no-device;language",
        string durationMinutes = "20", string outcome = "completed", string showed = "yes", string tryAlone = "unsure", string notes = "") =>
        string.Join(',', when, route, helpType, provider, site, staffReference, inclusionPoint, reasons, durationMinutes, outcome, showed, tryAlone, notes);
}
