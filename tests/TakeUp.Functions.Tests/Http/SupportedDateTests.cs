using System.Net;
using System.Text.Json;
using TakeUp.Functions.Tests.Auth;

namespace TakeUp.Functions.Tests.Http;

/// <summary>Dates outside 2000-2099 are refused as input, naming the range, on every query that takes dates (they answered 500).</summary>
public class SupportedDateTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Theory]
    [InlineData("/api/services/carers-allowance/take-up?from=0001-01-01&to=0001-02-01", "from")]
    [InlineData("/api/services/carers-allowance/take-up?from=9999-12-01&to=9999-12-31", "from")]
    [InlineData("/api/services/carers-allowance/take-up?to=9999-12-31", "to")]
    [InlineData("/api/take-up?from=0001-01-01&to=0001-03-01", "from")]
    [InlineData("/api/take-up?from=9999-10-01&to=9999-12-31", "from")]
    [InlineData("/api/services/carers-allowance/assisted-sessions?from=9999-12-01&to=9999-12-31", "from")]
    [InlineData("/api/services/carers-allowance/usage/revisions?from=0001-01-01&to=0001-01-31", "from")]
    [InlineData("/api/services/carers-allowance/usage/revisions?from=1999-12-31", "from")]
    public async Task A_date_outside_the_supported_years_is_refused_naming_the_range(string path, string field)
    {
        using var response = await fixture.Client("gds").GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == field);
        Assert.Contains("outside the dates this service works with (2000-01-01 to 2099-12-31)", error.GetProperty("reason").GetString());
        Assert.All(problem.RootElement.GetProperty("errors").EnumerateArray(), e => Assert.Contains("outside the dates", e.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task The_first_and_last_supported_days_are_taken()
    {
        using var response = await fixture.Client("gds").GetAsync("/api/services/carers-allowance/usage/revisions?from=2000-01-01&to=2000-01-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

/// <summary>A catalogue entry's target date is held to the same years.</summary>
public class SupportedTargetDateTests
{
    [Fact]
    public async Task A_target_date_in_year_9999_is_refused_and_the_entry_is_unchanged()
    {
        await using var app = await Infrastructure.TakeUpApp.StartAsync();
        using var admin = await app.ClientAsync("admin");
        var before = await admin.GetStringAsync("/api/services/carers-allowance");

        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(admin, "/api/services/carers-allowance", new
        {
            name = "Carer's Allowance",
            department = "dwp",
            departmentName = "Department for Work and Pensions",
            digitalTakeUpTarget = new { share = "0.9", by = "9999-12-31" },
        });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("outside the dates this service works with", body);
        Assert.Equal(before, await admin.GetStringAsync("/api/services/carers-allowance"));
    }
}
