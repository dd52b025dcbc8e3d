using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Auth;

namespace TakeUp.Functions.Tests.Http;

/// <summary>
/// A field or column the API does not know is refused, named, rather than dropped (a usage CSV with
/// a column of people's names was taken), and a CSV row with values missing is 400 naming the row,
/// not 500. Nothing is recorded.
/// </summary>
public class UnknownFieldTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string Row = "\"date\":\"2026-11-01\",\"service\":\"carers-allowance\",\"channel\":\"online\",\"count\":1";

    public static readonly TheoryData<string, string, string, string, string, int, string> Cases = new()
    {
        // caller, method, path, content type, body, the row (0 = none), what the error names
        { "ingest-dwp", "POST", "/api/usage", "application/json", "{\"rows\":[{" + Row + "},{" + Row.Replace("11-01", "11-02") + ",\"name\":\"Jo Bloggs\"}]}", 2, "name" },
        { "ingest-dwp", "POST", "/api/usage", "application/json", "{\"rows\":[{" + Row + "}],\"submittedBy\":\"Jo\"}", 0, "submittedBy" },
        { "frontline-dwp", "POST", "/api/services/carers-allowance/assisted-sessions", "application/json", "{\"when\":\"2026-11-20T10:00\",\"clientName\":\"Jo Bloggs\"}", 0, "clientName" },
        { "frontline-dwp", "POST", "/api/services/carers-allowance/support-requests", "application/json", "{\"phone\":\"07700 900123\"}", 0, "phone" },
        { "admin", "PUT", "/api/services/carers-allowance", "application/json", "{\"name\":\"Carer's Allowance\",\"department\":\"dwp\",\"departmentName\":\"Department for Work and Pensions\",\"owner\":\"Jo\"}", 0, "owner" },
        { "admin", "POST", "/api/admin/keys", "application/json", "{\"name\":\"x\",\"role\":\"gds\",\"expires\":\"2027-01-01\"}", 0, "expires" },
        { "ingest-dwp", "POST", "/api/usage", "text/csv", "date,service,channel,count\n2026-11-01,carers-allowance,online,1\n2026-11-02,carers-allowance\n", 2, "columns" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_unknown_field_or_a_short_row_is_refused_naming_it_and_nothing_is_recorded(
        string caller, string method, string path, string contentType, string body, int row, string field)
    {
        await Infrastructure.UsageApi.WaitForReceiptAsync(fixture.Client("ingest-dwp"), fixture.DwpReceiptId);
        var before = await Infrastructure.TableCounts.OfAsync(fixture.App);
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        using var response = await fixture.Client(caller).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {path}: {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.Equal(row, error.GetProperty("row").GetInt32());
        Assert.DoesNotContain("Jo Bloggs", text, StringComparison.Ordinal);
        Assert.Equal(before, await Infrastructure.TableCounts.OfAsync(fixture.App));
    }

    [Fact]
    public async Task A_usage_csv_with_a_column_it_does_not_take_is_refused_naming_the_column()
    {
        using var content = new StringContent("date,service,channel,count,name\n2026-11-01,carers-allowance,online,1,Jo Bloggs\n", Encoding.UTF8, "text/csv");

        using var response = await fixture.Client("ingest-dwp").PostAsync("/api/usage", content);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("columns usage does not take: 'name'", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_catalogue_entry_read_with_get_can_be_put_back_as_it_is_but_not_under_another_id()
    {
        var admin = fixture.Client("admin");
        var read = await admin.GetStringAsync("/api/services/state-pension-online");

        using var same = await admin.PutAsync("/api/services/state-pension-online", new StringContent(read, Encoding.UTF8, "application/json"));
        using var other = await admin.PutAsync("/api/services/carers-allowance", new StringContent(read, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(read, await admin.GetStringAsync("/api/services/state-pension-online"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("\"field\":\"id\"", await other.Content.ReadAsStringAsync());
    }
}

/// <summary>Every endpoint that takes a body refuses one over its limit with 413 naming the limit, chunked or not.</summary>
public class BodyLimitTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    private const string NoRequest = "00000000-0000-0000-0000-000000000000";

    public static readonly TheoryData<string, string, string, string, bool> Endpoints = Build();

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task A_body_over_the_endpoints_limit_is_413_naming_the_limit(string function, string caller, string method, string path, bool chunked)
    {
        var declared = global::TakeUp.Functions.OpenApi.HttpFunction.All(typeof(global::TakeUp.Functions.OpenApi.HttpFunction).Assembly).Single(f => f.Name == function);
        var limit = System.Reflection.CustomAttributeExtensions.GetCustomAttribute<global::TakeUp.Functions.Http.MaxRequestBodySizeAttribute>(declared.Method)?.Bytes
            ?? global::TakeUp.Functions.Http.MaxRequestBodySizeAttribute.DefaultBytes;
        // Valid JSON throughout (an object padded with whitespace), so that only its size can refuse it.
        var json = Encoding.UTF8.GetBytes("{" + new string(' ', (int)limit) + "}");
        var content = new StreamContent(new MemoryStream(json));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (!chunked)
        {
            content.Headers.ContentLength = json.Length;
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content };
        request.Headers.TransferEncodingChunked = chunked;

        using var response = await fixture.Client(caller).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{method} {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"at most {limit:N0} bytes", body, StringComparison.Ordinal);
    }

    private static TheoryData<string, string, string, string, bool> Build()
    {
        var data = new TheoryData<string, string, string, string, bool>();
        foreach (var chunked in new[] { false, true })
        {
            data.Add("SubmitUsage", "ingest-dwp", "POST", "/api/usage", chunked);
            data.Add("LogAssistedSession", "frontline-dwp", "POST", "/api/services/carers-allowance/assisted-sessions", chunked);
            data.Add("OpenSupportRequest", "frontline-dwp", "POST", "/api/services/carers-allowance/support-requests", chunked);
            data.Add("UpdateSupportRequest", "frontline-dwp", "PATCH", $"/api/services/carers-allowance/support-requests/{NoRequest}", chunked);
            data.Add("PutService", "admin", "PUT", "/api/services/carers-allowance", chunked);
            data.Add("CreateApiKey", "admin", "POST", "/api/admin/keys", chunked);
        }

        return data;
    }
}
