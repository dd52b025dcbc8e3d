using System.Net;
using System.Net.Http.Json;
using System.Text;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Assisted.AssistedApi;

namespace TakeUp.Functions.Tests.Assisted;

public class ListAssistedSessionsTests
{
    [Fact]
    public async Task Sessions_are_listed_newest_first_within_the_range_and_filtered_by_route_and_outcome()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var gds = await app.GdsAsync();
        var nov20 = await LogAsync(frontline, Session(("when", "2026-11-20T14:30"), ("route", "in-person"), ("outcome", "completed")));
        var nov19 = await LogAsync(frontline, Session(("when", "2026-11-19T10:00"), ("route", "phone"), ("outcome", "referred")));
        var nov1 = await LogAsync(frontline, Session(("when", "2026-11-01T00:30"), ("route", "phone"), ("outcome", "completed")));
        var oct31 = await LogAsync(frontline, Session(("when", "2026-10-31T23:30"), ("route", "webchat"), ("outcome", "not-completed")));
        var oct15 = await LogAsync(frontline, Session(("when", "2026-10-15T09:00"), ("route", "phone"), ("outcome", "completed")));

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await gds.GetFromJsonAsync<AssistedSessionList>($"{Sessions}?{query}"))!.Sessions.Select(s => s.Id);

        // By default the last 28 days, 2026-10-25 to 2026-11-21 in London.
        Assert.Equal([nov20.Id, nov19.Id, nov1.Id, oct31.Id], await Ids(""));
        Assert.Equal([nov19.Id, nov1.Id], await Ids("route=phone"));
        Assert.Equal([nov1.Id], await Ids("route=phone&outcome=completed"));
        Assert.Equal([nov20.Id, nov1.Id, oct15.Id], await Ids("outcome=completed&from=2026-10-01"));

        // London days: 23:30 on 31 October (GMT) is in October, 00:30 on 1 November in November.
        Assert.Equal([oct31.Id, oct15.Id], await Ids("from=2026-10-01&to=2026-10-31"));
        Assert.Equal([nov1.Id], await Ids("from=2026-11-01&to=2026-11-01"));
        Assert.Empty(await Ids("from=2026-11-21&to=2026-11-21"));
    }

    [Fact]
    public async Task Pages_followed_to_the_end_give_every_session_once_newest_first()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        var start = new DateTime(2026, 9, 25, 9, 0, 0);
        var whens = Enumerable.Range(0, 23).Select(i => start.AddDays(i * 2.5)).ToList(); // 25 September to 20 November
        var csv = "when,route,helpType,provider,staffReference,reasons,durationMinutes,outcome,showedHowToDoItAlone,wouldTryAlone\n"
                  + string.Join('\n', whens.Select((w, i) => $"{w:yyyy-MM-dd'T'HH:mm},{(i % 3 == 0 ? "phone" : "in-person")},guided,dwp,ab1234,language,10,completed,yes,yes"));
        var imported = (await (await ImportAsync(frontline, csv)).Content.ReadFromJsonAsync<AssistedSessionImport>())!;
        var newestFirst = imported.Sessions.Reverse().ToList();

        var (all, pages) = await ListAllAsync(manager, "from=2026-09-01&to=2026-11-21&pageSize=5");
        var (one, onePage) = await ListAllAsync(manager, "from=2026-09-01&to=2026-11-21&pageSize=23");
        var (phone, phonePages) = await ListAllAsync(manager, "from=2026-09-01&to=2026-11-21&pageSize=3&route=phone");

        Assert.Equal(5, pages);
        Assert.Equal(newestFirst, all.Select(s => s.Id));
        Assert.Equal(all.Select(s => s.When).OrderDescending(), all.Select(s => s.When));
        Assert.Equal(1, onePage);
        Assert.Equal(newestFirst, one.Select(s => s.Id));
        Assert.Equal(3, phonePages);
        Assert.Equal(newestFirst.Where((_, i) => (22 - i) % 3 == 0), phone.Select(s => s.Id));
    }

    [Fact]
    public async Task A_tampered_or_foreign_continuation_is_refused_with_400()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var gds = await app.GdsAsync();
        for (var i = 0; i < 3; i++)
        {
            await LogAsync(frontline, Session(("when", $"2026-11-{10 + i}T10:00")));
        }

        var page = (await gds.GetFromJsonAsync<AssistedSessionList>($"{Sessions}?pageSize=1"))!;
        var token = page.Continuation!;
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        string[] tampered =
        [
            "not a token!",
            flipped,
            token + token,
            Encode("{}"),
            Encode("[1,2,3]"),
            Encode("{\"V\":1,\"M\":\"202611\",\"K\":\"' or true or RowKey eq '\",\"Q\":\"0\"}"),
            new string('A', 2000),
        ];
        foreach (var continuation in tampered)
        {
            var response = await gds.GetAsync($"{Sessions}?pageSize=1&continuation={Uri.EscapeDataString(continuation)}");
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{continuation}: {(int)response.StatusCode}");
            Assert.Equal([(0, "continuation")], await ErrorsAsync(response));
        }

        var otherQuery = await gds.GetAsync($"{Sessions}?pageSize=1&route=phone&continuation={Uri.EscapeDataString(token)}");
        Assert.Equal([(0, "continuation")], await ErrorsAsync(otherQuery));
        var genuine = await gds.GetAsync($"{Sessions}?pageSize=1&continuation={Uri.EscapeDataString(token)}");
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
    }

    [Theory]
    [InlineData("route=post", "route")]
    [InlineData("outcome=done", "outcome")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("pageSize=ten", "pageSize")]
    [InlineData("from=2025-11-20&to=2026-11-21", "from")]
    [InlineData("from=2026-11-21&to=2026-11-01", "from")]
    [InlineData("from=21/11/2026", "from")]
    public async Task A_bad_listing_query_is_refused_naming_the_parameter(string query, string field)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var gds = await app.GdsAsync();

        var response = await gds.GetAsync($"{Sessions}?{query}");

        Assert.Equal([(0, field)], await ErrorsAsync(response));
    }

    [Fact]
    public async Task A_range_of_366_days_is_accepted()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var gds = await app.GdsAsync();

        var response = await gds.GetAsync($"{Sessions}?from=2025-11-21&to=2026-11-21");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
