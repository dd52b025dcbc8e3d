using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Http;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Assisted.AssistedApi;

namespace TakeUp.Functions.Tests.Assisted;

public class LogAssistedSessionTests
{
    [Fact]
    public async Task A_logged_session_is_created_at_its_location_and_reads_back_the_same()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);

        var response = await frontline.PostAsJsonAsync(Sessions, Session());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<AssistedSessionDocument>())!;
        Assert.Equal($"/api/services/{Service}/assisted-sessions/{created.Id:D}", response.Headers.Location?.OriginalString);
        Assert.Equal(Service, created.Service);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 14, 30, 0, TimeSpan.Zero), created.When);
        Assert.Equal("in-person", created.Route);
        Assert.Equal("guided", created.HelpType);
        Assert.Equal("dwp", created.Provider);
        Assert.Equal("Leeds Jobcentre", created.Site);
        Assert.Equal("ab1234", created.StaffReference);
        Assert.Equal(3, created.InclusionPoint);
        Assert.Equal(["lacks-confidence", "no-device"], created.Reasons);
        Assert.Equal(30, created.DurationMinutes);
        Assert.Equal("completed", created.Outcome);
        Assert.True(created.ShowedHowToDoItAlone);
        Assert.Equal("yes", created.WouldTryAlone);
        Assert.Equal("Helped upload two documents.", created.Notes);
        Assert.Null(created.SupportRequestId);

        var location = response.Headers.Location!.OriginalString;
        Assert.Equivalent(created, await frontline.GetFromJsonAsync<AssistedSessionDocument>(location), strict: true);
        Assert.Equivalent(created, await manager.GetFromJsonAsync<AssistedSessionDocument>(location), strict: true);
    }

    [Fact]
    public async Task A_local_time_is_read_as_London_time_and_an_offset_given_is_kept()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var summer = await LogAsync(frontline, Session(("when", "2026-07-01T09:00"), ("site", null), ("inclusionPoint", null), ("notes", null)));
        var withOffset = await LogAsync(frontline, Session(("when", "2026-11-20T08:15:00+05:30")));
        var read = await frontline.GetFromJsonAsync<AssistedSessionDocument>($"{Sessions}/{summer.Id}");

        Assert.Equal(new DateTimeOffset(2026, 7, 1, 9, 0, 0, TimeSpan.FromHours(1)), read!.When);
        Assert.Equal(TimeSpan.FromHours(1), read.When.Offset);
        Assert.Null(read.Site);
        Assert.Null(read.InclusionPoint);
        Assert.Null(read.Notes);
        var offsetRead = await frontline.GetFromJsonAsync<AssistedSessionDocument>($"{Sessions}/{withOffset.Id}");
        Assert.Equal(TimeSpan.FromHours(5.5), offsetRead!.When.Offset);
    }

    private static readonly (string Field, object? Value, string Expected)[] BadFields =
    [
        ("when", null, "when"),
        ("when", "20/11/2026 14:30", "when"),
        ("when", "2026-11-22T09:00", "when"),
        ("when", "2025-11-01T09:00", "when"),
        ("when", "2026-03-29T01:30", "when"),
        ("route", "post", "route"),
        ("route", null, "route"),
        ("helpType", "did-it-for-them", "helpType"),
        ("provider", "DWP!", "provider"),
        ("provider", null, "provider"),
        ("site", new string('x', 101), "site"),
        ("site", "Flat 2, LS1 4AP", "site"),
        ("staffReference", "jo.bloggs@example.com", "staffReference"),
        ("staffReference", "Jo Bloggs", "staffReference"),
        ("staffReference", null, "staffReference"),
        ("inclusionPoint", 10, "inclusionPoint"),
        ("reasons", Array.Empty<string>(), "reasons"),
        ("reasons", null, "reasons"),
        ("reasons", new[] { "bored" }, "reasons"),
        ("reasons", new[] { "language", "language" }, "reasons"),
        ("durationMinutes", 0, "durationMinutes"),
        ("durationMinutes", -5, "durationMinutes"),
        ("durationMinutes", 481, "durationMinutes"),
        ("durationMinutes", 1.5, "durationMinutes"),
        ("durationMinutes", "half an hour", "durationMinutes"),
        ("durationMinutes", null, "durationMinutes"),
        ("outcome", "done", "outcome"),
        ("outcome", null, "outcome"),
        ("showedHowToDoItAlone", "maybe", "showedHowToDoItAlone"),
        ("showedHowToDoItAlone", null, "showedHowToDoItAlone"),
        ("wouldTryAlone", "perhaps", "wouldTryAlone"),
        ("wouldTryAlone", null, "wouldTryAlone"),
        ("notes", new string('n', 501), "notes"),
        ("supportRequestId", "REQ-1", "supportRequestId"),
        ("supportRequestId", "0f8fad5b-d9cb-469f-a165-70867728950e", "supportRequestId"),
    ];

    [Fact]
    public async Task Every_rule_of_a_session_is_enforced_naming_row_1_and_the_field_and_nothing_is_written()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);

        foreach (var (field, value, expected) in BadFields)
        {
            var body = value is null ? Session((field, null)) : Session((field, value));

            var errors = await ErrorsAsync(await frontline.PostAsJsonAsync(Sessions, body));

            Assert.True(errors.SequenceEqual([(1, expected)]), $"{field} = {value ?? "(left out)"}: got {string.Join(", ", errors)}");
        }

        var listed = await manager.GetFromJsonAsync<AssistedSessionList>($"{Sessions}?from=2025-11-22&to=2026-11-21");
        Assert.Empty(listed!.Sessions);
        Assert.Empty(await app.Table(TableNames.AssistedSessions).QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task A_session_with_several_mistakes_gets_every_one_listed_in_field_order()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var errors = await ErrorsAsync(await frontline.PostAsJsonAsync(Sessions,
            Session(("when", "tomorrow"), ("route", "fax"), ("reasons", new[] { "bored", "language" }), ("durationMinutes", 0), ("wouldTryAlone", true))));

        Assert.Equal([(1, "when"), (1, "route"), (1, "reasons"), (1, "durationMinutes"), (1, "wouldTryAlone")], errors);
    }

    [Theory]
    [InlineData("Call back on 07700 900123 after 3pm", "07700 900123", "a phone number")]
    [InlineData("Sent the form to jo.bloggs@example.com", "jo.bloggs@example.com", "an e-mail address")]
    [InlineData("Their NI number is AB 12 34 56 C", "AB 12 34 56 C", "a National Insurance number")]
    [InlineData("Lives at LS1 4AP near the library", "LS1 4AP", "a postcode")]
    public async Task Personal_data_in_the_notes_is_refused_naming_what_it_looks_like_without_echoing_it(string notes, string value, string kind)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var response = await frontline.PostAsJsonAsync(Sessions, Session(("notes", notes)));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal([(1, "notes")], await ErrorsAsync(response));
        Assert.Contains($"looks like {kind} in the notes", text);
        Assert.DoesNotContain(value, text);
        Assert.Empty(await app.Table(TableNames.AssistedSessions).QueryAsync<TableEntity>().ToListAsync());
    }

    [Theory]
    [InlineData("text/plain", "when=2026-11-20", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("text/csv", "when,route\n", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{\"when\": ", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "null", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[]", HttpStatusCode.BadRequest)]
    public async Task A_body_that_is_not_a_json_object_gets_a_problem_answer(string contentType, string body, HttpStatusCode expected)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var response = await frontline.PostAsync(Sessions, new StringContent(body, Encoding.UTF8, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_same_session_and_writes_it_once()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        HttpRequestMessage Keyed(string key) => new(HttpMethod.Post, Sessions)
        {
            Content = JsonContent.Create(Session()),
            Headers = { { Idempotency.HeaderName, key } },
        };

        var first = await frontline.SendAsync(Keyed("paper-log-2026-11-20-1"));
        var retry = await frontline.SendAsync(Keyed("paper-log-2026-11-20-1"));
        var other = await frontline.SendAsync(Keyed("paper-log-2026-11-20-2"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal("true", retry.Headers.GetValues(Idempotency.ReplayedHeaderName).Single());
        var firstSession = (await first.Content.ReadFromJsonAsync<AssistedSessionDocument>())!;
        var retried = (await retry.Content.ReadFromJsonAsync<AssistedSessionDocument>())!;
        Assert.Equal(firstSession.Id, retried.Id);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var otherSession = (await other.Content.ReadFromJsonAsync<AssistedSessionDocument>())!;
        Assert.NotEqual(firstSession.Id, otherSession.Id);

        var listed = await manager.GetFromJsonAsync<AssistedSessionList>(Sessions);
        Assert.Equal(
            new[] { firstSession.Id, otherSession.Id }.Order(),
            listed!.Sessions.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task An_unknown_session_is_a_404_problem_and_a_malformed_id_a_400()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var missing = await frontline.GetAsync($"{Sessions}/{Guid.NewGuid()}");
        var malformed = await frontline.GetAsync($"{Sessions}/session-1");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal([(0, "sessionId")], await ErrorsAsync(malformed));
    }

    [Fact]
    public async Task A_session_of_one_service_is_not_found_under_another()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service, "state-pension-online"]);

        var session = await LogAsync(frontline, Session());

        var elsewhere = await frontline.GetAsync($"/api/services/state-pension-online/assisted-sessions/{session.Id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }
}
