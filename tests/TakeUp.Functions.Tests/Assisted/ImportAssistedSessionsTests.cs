using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Data.Tables;
using TakeUp.Functions.Assisted;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Assisted.AssistedApi;

namespace TakeUp.Functions.Tests.Assisted;

public class ImportAssistedSessionsTests
{
    private const string Header = "when,route,helpType,provider,site,staffReference,inclusionPoint,reasons,durationMinutes,outcome,showedHowToDoItAlone,wouldTryAlone,notes";

    [Fact]
    public async Task A_valid_file_is_imported_whole_and_its_sessions_are_listed_newest_first()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        using var manager = await app.ClientAsync("service-manager", [Service]);
        var csv = string.Join('\n',
            Header.ToUpperInvariant(),
            CsvRow(when: "2026-11-18T09:15", reasons: "no-device; language;", notes: "\"Scanned payslips, then submitted\""),
            CsvRow(when: "2026-11-20T16:00", route: "phone", helpType: "on-behalf", site: "", inclusionPoint: "", outcome: "partly-completed", showed: "no", tryAlone: "no"),
            CsvRow(when: "2026-11-19T11:30", route: "webchat", durationMinutes: "45", showed: "TRUE", tryAlone: "yes"));

        var response = await ImportAsync(frontline, csv);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var imported = (await response.Content.ReadFromJsonAsync<AssistedSessionImport>())!;
        Assert.Equal(3, imported.Imported);
        Assert.Equal(3, imported.Sessions.Distinct().Count());

        var listed = (await manager.GetFromJsonAsync<AssistedSessionList>(Sessions))!.Sessions;
        Assert.Equal([imported.Sessions[1], imported.Sessions[2], imported.Sessions[0]], listed.Select(s => s.Id));
        var first = listed[2];
        Assert.Equal(["no-device", "language"], first.Reasons);
        Assert.Equal("Scanned payslips, then submitted", first.Notes);
        Assert.Equal(Service, first.Service);
        var second = listed[0];
        Assert.Equal(("phone", "on-behalf", "partly-completed", false, "no"), (second.Route, second.HelpType, second.Outcome, second.ShowedHowToDoItAlone, second.WouldTryAlone));
        Assert.Null(second.Site);
        Assert.Null(second.InclusionPoint);
        Assert.Null(second.Notes);
        Assert.Equivalent(first, await frontline.GetFromJsonAsync<AssistedSessionDocument>($"{Sessions}/{first.Id}"), strict: true);
    }

    [Fact]
    public async Task The_optional_columns_may_be_left_out_and_the_others_come_in_any_order()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var csv = "outcome,When,route,helptype,provider,staffreference,reasons,durationminutes,showedhowtodoitalone,wouldtryalone\n"
                  + "completed,2026-11-20T10:00,in-person,guided,citizens-advice,cab-007,lacks-skills,15,yes,unsure\n";

        var response = await ImportAsync(frontline, csv);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<AssistedSessionImport>())!.Sessions.Single();
        var session = (await frontline.GetFromJsonAsync<AssistedSessionDocument>($"{Sessions}/{id}"))!;
        Assert.Equal(("citizens-advice", "cab-007", "completed", 15), (session.Provider, session.StaffReference, session.Outcome, session.DurationMinutes));
    }

    [Fact]
    public async Task A_file_with_bad_rows_is_refused_whole_with_every_error_and_its_row_and_nothing_is_written()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var csv = string.Join('\n',
            Header,
            CsvRow(),
            CsvRow(route: "post", durationMinutes: "0"),
            CsvRow(notes: "Helped, then they left"),
            CsvRow(notes: "Emailed jo.bloggs@example.com the link"),
            CsvRow(when: "2026-12-01T09:00", reasons: ""));

        var response = await ImportAsync(frontline, csv);
        var text = await response.Content.ReadAsStringAsync();

        var errors = await ErrorsAsync(response);
        Assert.Equal([(2, "route"), (2, "durationMinutes"), (3, "columns"), (4, "notes"), (5, "when"), (5, "reasons")], errors);
        Assert.DoesNotContain("jo.bloggs@example.com", text);
        Assert.Empty(await app.Table(TableNames.AssistedSessions).QueryAsync<TableEntity>().ToListAsync());
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData(Header + "\n", "no sessions")]
    [InlineData("when,route,helpType,provider,staffReference,reasons,durationMinutes,outcome,showedHowToDoItAlone\n2026-11-20T10:00,phone,guided,dwp,ab1234,language,10,completed,yes\n", "wouldTryAlone")]
    [InlineData(Header + ",clientName\n", "'clientName'")]
    [InlineData(Header + ",when\n", "more than once")]
    public async Task A_file_whose_layout_is_wrong_is_refused_saying_what_is_wrong(string csv, string saying)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var response = await ImportAsync(frontline, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(saying, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_file_of_more_than_5000_rows_is_refused_and_one_of_5000_is_imported()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        string File(int rows) => Header + "\n" + string.Join('\n', Enumerable.Range(0, rows).Select(i =>
            CsvRow(when: new DateTime(2026, 11, 1, 8, 0, 0).AddMinutes(i * 5).ToString("yyyy-MM-dd'T'HH:mm"))));

        var tooMany = await ImportAsync(frontline, File(5001));
        var most = await ImportAsync(frontline, File(5000));

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("more than 5,000", await tooMany.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, most.StatusCode);
        Assert.Equal(5000, (await most.Content.ReadFromJsonAsync<AssistedSessionImport>())!.Imported);

        // Each session and its index row.
        Assert.Equal(10000, await app.Table(TableNames.AssistedSessions).QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused_with_413()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var row = CsvRow(notes: new string('n', 400));
        var csv = new StringBuilder(Header).Append('\n');
        while (csv.Length <= ImportAssistedSessions.MaxBodyBytes)
        {
            csv.Append(row).Append('\n');
        }

        var response = await ImportAsync(frontline, csv.ToString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_import_that_is_not_csv_is_refused_with_415()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);

        var response = await frontline.PostAsJsonAsync($"{Sessions}/import", new[] { Session() });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_retried_import_with_the_same_idempotency_key_returns_the_same_ids_and_writes_once()
    {
        await using var app = await TakeUpApp.StartAsync();
        using var frontline = await app.ClientAsync("frontline", [Service]);
        var csv = string.Join('\n', Header, CsvRow(when: "2026-11-20T09:00"), CsvRow(when: "2026-11-20T09:30"));
        HttpRequestMessage Keyed() => new(HttpMethod.Post, $"{Sessions}/import")
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
            Headers = { { "Idempotency-Key", "leeds-paper-log-week-47" } },
        };

        var first = await (await frontline.SendAsync(Keyed())).Content.ReadFromJsonAsync<AssistedSessionImport>();
        var retry = await (await frontline.SendAsync(Keyed())).Content.ReadFromJsonAsync<AssistedSessionImport>();

        Assert.Equal(first!.Sessions, retry!.Sessions);
        Assert.Equal(4, await app.Table(TableNames.AssistedSessions).QueryAsync<TableEntity>().CountAsync());
    }
}
