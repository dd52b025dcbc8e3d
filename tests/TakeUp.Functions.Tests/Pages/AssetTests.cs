using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace TakeUp.Functions.Tests.Pages;

/// <summary>GOV.UK Frontend's files as the pages link them: cached for a year when the address pins them, revalidated by ETag, and nothing else reachable.</summary>
[Collection(BrowserCollection.Name)]
public class AssetTests(SeededApp seeded)
{
    [Fact]
    public async Task Every_asset_a_page_links_is_served_with_a_year_of_cache_and_its_type()
    {
        using var client = seeded.App.CreateClient();
        var signIn = await client.GetStringAsync("/sign-in");
        var links = Regex.Matches(signIn, "(?:href|src)=\"(/assets/[^\"]+)\"").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains(links, l => l.StartsWith("/assets/govuk-frontend.min.css?v=", StringComparison.Ordinal));
        Assert.Contains(links, l => l.StartsWith("/assets/takeup.js?v=", StringComparison.Ordinal));

        foreach (var link in links)
        {
            using var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode}");
            if (link.Contains("?v=", StringComparison.Ordinal) || link.Contains("/images/", StringComparison.Ordinal))
            {
                Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            }
        }

        using var css = await client.GetAsync(links.First(l => l.Contains(".css", StringComparison.Ordinal)));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var font = Regex.Match(await css.Content.ReadAsStringAsync(), @"/assets/fonts/[\w-]+\.woff2").Value;
        using var fontResponse = await client.GetAsync(font);
        Assert.Equal(HttpStatusCode.OK, fontResponse.StatusCode);
        Assert.Equal("font/woff2", fontResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", fontResponse.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task An_unpinned_address_is_cached_for_an_hour_and_revalidates_with_its_etag()
    {
        using var client = seeded.App.CreateClient();
        using var first = await client.GetAsync("/assets/govuk-frontend.min.css");
        Assert.Equal("public, max-age=3600", first.Headers.CacheControl?.ToString());
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, "/assets/govuk-frontend.min.css");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        using var notModified = await client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/assets/..%2fhost.json")]
    [InlineData("/assets/%2e%2e/host.json")]
    [InlineData("/assets/..%2f..%2fTakeUp.Functions.dll")]
    [InlineData("/assets/fonts/../../local.settings.json")]
    [InlineData("/assets/nothing-here.css")]
    [InlineData("/assets/govuk-frontend.min.css.map")]
    public async Task Nothing_but_a_listed_asset_is_served(string path)
    {
        using var client = seeded.App.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("AzureWebJobsStorage", await response.Content.ReadAsStringAsync());
    }
}
