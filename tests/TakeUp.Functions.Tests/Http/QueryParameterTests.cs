using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Authorization;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Http;
using TakeUp.Functions.OpenApi;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Auth;

namespace TakeUp.Functions.Tests.Http;

/// <summary>
/// Every HTTP function refuses a query parameter it does not take (a misspelt <c>perod</c>), with a
/// problem naming it, before anything runs, so nothing is written; and takes the ones it declares.
/// </summary>
public class QueryParameterTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    public static readonly TheoryData<string> Functions = new(HttpFunction.All(typeof(HttpFunction).Assembly).Select(f => f.Name).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task An_unknown_query_parameter_is_refused_naming_it_and_nothing_changes(string name)
    {
        var function = HttpFunction.All(typeof(HttpFunction).Assembly).Single(f => f.Name == name);
        var client = fixture.Client(CallerFor(function.Method));
        var path = "/" + System.Text.RegularExpressions.Regex.Replace(function.Route, @"\{(\w+)[^}]*\}", m => m.Groups[1].Value == "serviceId" ? "carers-allowance" : "000000000000");
        // The fixture's own submission is applied in the background: wait for it, so that only this request could change a count.
        await Infrastructure.UsageApi.WaitForReceiptAsync(fixture.Client("ingest-dwp"), fixture.DwpReceiptId);
        var before = await Infrastructure.TableCounts.OfAsync(fixture.App);

        using var request = new HttpRequestMessage(new HttpMethod(function.Methods[0].ToUpperInvariant()), path + "?perod=month");
        if (function.Methods[0] is "post" or "put" or "patch")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name} {request.Method} {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("perod", error.GetProperty("field").GetString());
        Assert.Contains("'perod' is not a parameter", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(before, await Infrastructure.TableCounts.OfAsync(fixture.App));
    }

    [Fact]
    public async Task The_declared_parameters_are_taken_and_the_openapi_document_lists_exactly_them()
    {
        var taken = await fixture.Client("gds").GetAsync("/api/services/carers-allowance/take-up?period=week&from=2026-10-01&to=2026-10-31");
        var document = await fixture.Client("none").GetFromJsonAsync<JsonElement>("/api/openapi.json");
        var operation = document.GetProperty("paths").GetProperty("/api/services/{serviceId}/take-up").GetProperty("get");
        var query = operation.GetProperty("parameters").EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "query")
            .Select(p => p.GetProperty("name").GetString() ?? "")
            .ToArray();

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(["period", "from", "to"], query);
    }

    private static string CallerFor(MethodInfo method)
    {
        if (method.GetCustomAttribute<AllowAnonymousAttribute>() is not null)
        {
            return "none";
        }

        return method.GetCustomAttribute<AuthorizeAttribute>()?.Policy switch
        {
            Policies.Admin => "admin",
            Policies.Ingest or Policies.Receipts => "ingest-dwp",
            Policies.Frontline => "frontline-dwp",
            _ => "gds",
        };
    }
}
