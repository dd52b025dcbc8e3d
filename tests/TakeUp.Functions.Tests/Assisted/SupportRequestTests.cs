using System.Net;
using System.Net.Http.Json;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Assisted.AssistedApi;

namespace TakeUp.Functions.Tests.Assisted;

public class SupportRequestTests
{
    // A Monday after Christmas 2026: 25 December (Friday) and 28 December (Boxing Day substitute)
    // are bank holidays, as is 1 January 2027 (Friday).
    private static readonly DateTimeOffset AfterChristmas = new(2027, 1, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_request_opened_before_Christmas_and_resolved_after_waited_two_working_days()
    {
        await using var app = await StartAtAsync(AfterChristmas);
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);

        var response = await frontline.PostAsJsonAsync(Requests, new
        {
            route = "home-visit", reasons = new[] { "no-device", "accessibility-need" }, inclusionPoint = 2,
            notes = "Visit booked for after the holiday.", openedAt = "2026-12-23T10:00",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = (await response.Content.ReadFromJsonAsync<SupportRequestDocument>())!;
        Assert.Equal($"/api/services/{Service}/support-requests/{opened.Id:D}", response.Headers.Location?.OriginalString);
        Assert.Equal(("open", "home-visit", 2), (opened.Status, opened.Route, opened.InclusionPoint));
        Assert.Equal(["no-device", "accessibility-need"], opened.Reasons);
        Assert.Equal(new DateTimeOffset(2026, 12, 23, 10, 0, 0, TimeSpan.Zero), opened.OpenedAt);

        // Still open on Monday 4 January: 24, 29, 30 and 31 December and 4 January.
        Assert.Equal(5, opened.WaitingWorkingDays);
        Assert.Null(opened.WaitingNote);

        var logged = await LogAsync(frontline, Session(("when", "2026-12-24T11:00"), ("route", "home-visit"), ("supportRequestId", opened.Id.ToString())));
        var later = await LogAsync(frontline, Session(("when", "2026-12-29T14:00"), ("route", "home-visit")));
        var linked = await PatchAsync(frontline, opened.Id, new { sessionId = later.Id });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal([logged.Id, later.Id], (await linked.Content.ReadFromJsonAsync<SupportRequestDocument>())!.SessionIds);
        Assert.Equal(opened.Id, logged.SupportRequestId);

        var resolved = await PatchAsync(frontline, opened.Id, new { status = "resolved", at = "2026-12-29T15:00", notes = "Claim submitted on the visit." });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var closed = (await resolved.Content.ReadFromJsonAsync<SupportRequestDocument>())!;
        Assert.Equal("resolved", closed.Status);
        Assert.Equal(new DateTimeOffset(2026, 12, 29, 15, 0, 0, TimeSpan.Zero), closed.ClosedAt);
        Assert.Equal("Claim submitted on the visit.", closed.ClosingNotes);
        Assert.Equal("Visit booked for after the holiday.", closed.Notes);
        Assert.Equal(2, closed.WaitingWorkingDays); // 24 and 29 December
        Assert.Equivalent(closed, await manager.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{opened.Id}"), strict: true);
        Assert.Equivalent(closed, await frontline.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{opened.Id}"), strict: true);

        var again = await PatchAsync(frontline, opened.Id, new { status = "resolved" });
        var withdrawn = await PatchAsync(frontline, opened.Id, new { status = "withdrawn" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);
        Assert.Equal("resolved", (await manager.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{opened.Id}"))!.Status);
    }

    [Fact]
    public async Task Linking_a_session_to_a_request_records_the_link_on_both_and_a_repeat_changes_nothing()
    {
        await using var app = await StartAtAsync(AfterChristmas);
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        var opened = (await (await frontline.PostAsJsonAsync(Requests, new { route = "phone", reasons = new[] { "lacks-confidence" }, openedAt = "2026-12-23T10:00" }))
            .Content.ReadFromJsonAsync<SupportRequestDocument>())!;
        var session = await LogAsync(frontline, Session(("when", "2026-12-29T14:00"), ("route", "phone")));
        Assert.Null(session.SupportRequestId);

        var linked = await PatchAsync(frontline, opened.Id, new { sessionId = session.Id });
        var repeated = await PatchAsync(frontline, opened.Id, new { sessionId = session.Id });
        var request = (await manager.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{opened.Id}"))!;
        var stored = (await manager.GetFromJsonAsync<AssistedSessionDocument>($"{Sessions}/{session.Id}"))!;

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal([session.Id], request.SessionIds);
        Assert.Equal(opened.Id, stored.SupportRequestId);
    }

    [Fact]
    public async Task The_list_comes_a_page_at_a_time_and_between_dates_when_asked()
    {
        await using var app = await StartAtAsync(AfterChristmas);
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        var opened = new List<Guid>();
        foreach (var day in new[] { 14, 15, 16, 17, 18 })
        {
            var response = await frontline.PostAsJsonAsync(Requests, new { route = "phone", reasons = new[] { "no-device" }, openedAt = $"2026-12-{day}T10:00" });
            opened.Add((await response.Content.ReadFromJsonAsync<SupportRequestDocument>())!.Id);
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? continuation = null;
        do
        {
            var page = (await manager.GetFromJsonAsync<SupportRequestList>($"{Requests}?pageSize=2" + (continuation is null ? "" : $"&continuation={continuation}")))!;
            Assert.InRange(page.Requests.Count, 1, 2);
            seen.AddRange(page.Requests.Select(r => r.Id));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);
        var between = (await manager.GetFromJsonAsync<SupportRequestList>($"{Requests}?from=2026-12-15&to=2026-12-16"))!;
        var badSize = await manager.GetAsync($"{Requests}?pageSize=0");
        var badCursor = await manager.GetAsync($"{Requests}?continuation=not-one-of-ours");

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Reverse(opened), seen);
        Assert.Equal([opened[2], opened[1]], between.Requests.Select(r => r.Id));
        Assert.Null(between.Continuation);
        Assert.Equal(HttpStatusCode.BadRequest, badSize.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
    }

    [Fact]
    public async Task An_open_request_counts_working_days_up_to_today_in_London()
    {
        await using var app = await TakeUpApp.StartAsync(); // Saturday 21 November 2026
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var wednesday = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" }, openedAt = "2026-11-18T09:00" });
        var today = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" } });

        Assert.Equal(2, wednesday.WaitingWorkingDays); // Thursday and Friday
        Assert.Equal(0, today.WaitingWorkingDays);
        Assert.Equal(TestClock.DefaultStart, today.OpenedAt, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Waiting_days_beyond_the_known_bank_holidays_are_null_with_a_note_saying_why()
    {
        await using var app = await StartAtAsync(new DateTimeOffset(2028, 1, 10, 12, 0, 0, TimeSpan.Zero));
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var gds = await app.GdsAsync();

        var opened = await OpenAsync(frontline, new { route = "in-person", reasons = new[] { "lacks-skills" }, openedAt = "2027-12-20T10:00" });
        var listed = (await gds.GetFromJsonAsync<SupportRequestList>(Requests))!.Requests.Single();

        Assert.Null(opened.WaitingWorkingDays);
        Assert.Contains("2028-01-10", opened.WaitingNote);
        Assert.Contains("2012 to 2027", opened.WaitingNote);
        Assert.Null(listed.WaitingWorkingDays);
        Assert.Equal(opened.WaitingNote, listed.WaitingNote);

        var resolved = await PatchAsync(frontline, opened.Id, new { status = "resolved", at = "2027-12-31T10:00" });
        // 21 to 24 and 29 to 31 December 2027: the 27th and 28th are the substitute Christmas and Boxing Days.
        Assert.Equal(7, (await resolved.Content.ReadFromJsonAsync<SupportRequestDocument>())!.WaitingWorkingDays);
    }

    [Fact]
    public async Task Of_two_concurrent_closes_one_wins_and_the_other_gets_409()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var colleague = await app.ClientAsync("frontline", [Service]);
        var opened = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" }, openedAt = "2026-11-20T09:00" });

        var answers = await Task.WhenAll(
            PatchAsync(frontline, opened.Id, new { status = "resolved" }),
            PatchAsync(colleague, opened.Id, new { status = "withdrawn" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var winner = await answers.Single(a => a.IsSuccessStatusCode).Content.ReadFromJsonAsync<SupportRequestDocument>();
        var stored = await frontline.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{opened.Id}");
        Assert.Equal(winner!.Status, stored!.Status);
    }

    [Fact]
    public async Task Only_existing_sessions_and_requests_of_the_same_service_can_be_linked()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service, "state-pension-online"]);
        var request = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" } });
        var elsewhere = await LogAsync(frontline, Session(), "/api/services/state-pension-online/assisted-sessions");
        var otherResponse = await frontline.PostAsJsonAsync("/api/services/state-pension-online/support-requests", new { route = "phone", reasons = new[] { "language" } });
        var otherRequest = (await otherResponse.Content.ReadFromJsonAsync<SupportRequestDocument>())!;
        var loggedAgainstOther = await LogAsync(frontline, Session(("supportRequestId", otherRequest.Id.ToString())), "/api/services/state-pension-online/assisted-sessions");

        Assert.Equal([(1, "sessionId")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { sessionId = Guid.NewGuid() })));
        Assert.Equal([(1, "sessionId")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { sessionId = elsewhere.Id })));
        Assert.Equal([(1, "supportRequestId")], await ErrorsAsync(await frontline.PostAsJsonAsync(Sessions, Session(("supportRequestId", otherRequest.Id.ToString())))));
        Assert.Equal(HttpStatusCode.NotFound, (await PatchAsync(frontline, Guid.NewGuid(), new { status = "resolved" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await frontline.GetAsync($"{Requests}/{otherRequest.Id}")).StatusCode);

        var forOther = await frontline.PatchAsJsonAsync($"/api/services/state-pension-online/support-requests/{request.Id}", new { status = "resolved" });
        Assert.Equal(HttpStatusCode.NotFound, forOther.StatusCode);
        Assert.Equal([loggedAgainstOther.Id], (await frontline.GetFromJsonAsync<SupportRequestDocument>($"/api/services/state-pension-online/support-requests/{otherRequest.Id}"))!.SessionIds);
        Assert.Empty((await frontline.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{request.Id}"))!.SessionIds);
    }

    [Fact]
    public async Task A_session_logged_against_one_request_cannot_be_linked_to_another_and_linking_twice_lists_it_once()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var first = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" } });
        var second = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" } });
        var session = await LogAsync(frontline, Session(("supportRequestId", first.Id.ToString())));

        var elsewhere = await PatchAsync(frontline, second.Id, new { sessionId = session.Id });
        var again = await PatchAsync(frontline, first.Id, new { sessionId = session.Id });

        Assert.Equal([(1, "sessionId")], await ErrorsAsync(elsewhere));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal([session.Id], (await again.Content.ReadFromJsonAsync<SupportRequestDocument>())!.SessionIds);
    }

    [Fact]
    public async Task A_bad_request_is_refused_with_every_error_and_personal_data_is_not_echoed()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var gds = await app.GdsAsync();

        var response = await frontline.PostAsJsonAsync(Requests, new
        {
            route = "carrier-pigeon", reasons = new[] { "language", "language" }, inclusionPoint = "0",
            notes = "Call back on 07700 900123", openedAt = "2026-11-22T10:00",
        });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal([(1, "route"), (1, "reasons"), (1, "inclusionPoint"), (1, "notes"), (1, "openedAt")], await ErrorsAsync(response));
        Assert.Contains("a phone number", text);
        Assert.DoesNotContain("900123", text);
        Assert.Equal([(1, "reasons")], await ErrorsAsync(await frontline.PostAsJsonAsync(Requests, new { route = "phone" })));
        Assert.Equal([(1, "openedAt")], await ErrorsAsync(await frontline.PostAsJsonAsync(Requests, new { route = "phone", reasons = new[] { "other" }, openedAt = "last week" })));
        Assert.Empty((await gds.GetFromJsonAsync<SupportRequestList>(Requests))!.Requests);
    }

    [Fact]
    public async Task A_bad_change_is_refused_naming_the_field_and_changes_nothing()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var request = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" }, openedAt = "2026-11-20T09:00" });

        Assert.Equal([(1, "status")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { status = "open" })));
        Assert.Equal([(1, "status")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { status = "closed" })));
        Assert.Equal([(1, "status")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { })));
        Assert.Equal([(1, "at")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { status = "resolved", at = "yesterday" })));
        Assert.Equal([(1, "at")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { status = "resolved", at = "2026-11-19T17:00" })));
        Assert.Equal([(1, "at")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { status = "resolved", at = "2026-11-22T09:00" })));
        Assert.Equal([(1, "sessionId")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { sessionId = "session-1" })));
        Assert.Equal([(1, "notes")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { status = "resolved", notes = "Sent to jo@example.com" })));
        Assert.Equal([(1, "notes")], await ErrorsAsync(await PatchAsync(frontline, request.Id, new { notes = "Called twice." })));
        Assert.Equal([(0, "id")], await ErrorsAsync(await frontline.PatchAsJsonAsync($"{Requests}/request-1", new { status = "resolved" })));

        var stored = await frontline.GetFromJsonAsync<SupportRequestDocument>($"{Requests}/{request.Id}");
        Assert.Equal("open", stored!.Status);
        Assert.Null(stored.ClosedAt);
    }

    [Fact]
    public async Task Requests_are_listed_most_recently_opened_first_and_by_status()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        var monday = await OpenAsync(frontline, new { route = "phone", reasons = new[] { "language" }, openedAt = "2026-11-16T09:00" });
        var tuesday = await OpenAsync(frontline, new { route = "home-visit", reasons = new[] { "no-device" }, openedAt = "2026-11-17T09:00" });
        var wednesday = await OpenAsync(frontline, new { route = "webchat", reasons = new[] { "other" }, openedAt = "2026-11-18T09:00" });
        await PatchAsync(frontline, monday.Id, new { status = "resolved", at = "2026-11-17T10:00" });
        await PatchAsync(frontline, tuesday.Id, new { status = "withdrawn", at = "2026-11-17T12:00" });

        async Task<IEnumerable<Guid>> Ids(string query) =>
            (await manager.GetFromJsonAsync<SupportRequestList>($"{Requests}{query}"))!.Requests.Select(r => r.Id);

        Assert.Equal([wednesday.Id, tuesday.Id, monday.Id], await Ids(""));
        Assert.Equal([wednesday.Id], await Ids("?status=open"));
        Assert.Equal([monday.Id], await Ids("?status=resolved"));
        Assert.Equal([tuesday.Id], await Ids("?status=withdrawn"));
        Assert.Equal([(0, "status")], await ErrorsAsync(await manager.GetAsync($"{Requests}?status=closed")));
        var resolved = (await manager.GetFromJsonAsync<SupportRequestList>($"{Requests}?status=resolved"))!.Requests.Single();
        Assert.Equal(1, resolved.WaitingWorkingDays);
    }

    [Fact]
    public async Task A_retried_open_with_the_same_idempotency_key_gives_the_same_request_once()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var gds = await app.GdsAsync();
        HttpRequestMessage Keyed() => new(HttpMethod.Post, Requests)
        {
            Content = JsonContent.Create(new { route = "home-visit", reasons = new[] { "no-device" } }),
            Headers = { { "Idempotency-Key", "visit-request-17" } },
        };

        var first = await (await frontline.SendAsync(Keyed())).Content.ReadFromJsonAsync<SupportRequestDocument>();
        var retry = await (await frontline.SendAsync(Keyed())).Content.ReadFromJsonAsync<SupportRequestDocument>();

        Assert.Equal(first!.Id, retry!.Id);
        Assert.Equal([first.Id], (await gds.GetFromJsonAsync<SupportRequestList>(Requests))!.Requests.Select(r => r.Id));
    }
}
