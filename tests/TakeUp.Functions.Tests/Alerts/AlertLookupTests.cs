using System.Net;
using System.Text.Json;
using TakeUp.Functions.Tests.Auth;

namespace TakeUp.Functions.Tests.Alerts;

/// <summary>An alert id that names no alert, whatever its shape, is 404 to read and to acknowledge.</summary>
public class AlertLookupTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    [Theory]
    [InlineData("nope")]
    [InlineData("carers-allowance.digital-take-up.999")]
    [InlineData("carers-allowance")]
    [InlineData("Carers-Allowance.Digital-Take-Up.1")]
    [InlineData("a.b.c.d")]
    public async Task An_id_that_names_no_alert_is_not_found_to_read_or_acknowledge(string id)
    {
        var manager = fixture.Client("manager-dwp"); // acts for carers-allowance

        using var read = await manager.GetAsync($"/api/alerts/{id}");
        using var acknowledge = await manager.PostAsync($"/api/alerts/{id}/acknowledge", null);

        foreach (var response in new[] { read, acknowledge })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains($"There is no alert '{id}'", problem.RootElement.GetProperty("detail").GetString());
        }
    }
}
