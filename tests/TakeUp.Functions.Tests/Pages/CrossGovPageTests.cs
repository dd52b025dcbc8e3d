using Microsoft.Playwright;

namespace TakeUp.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public class CrossGovPageTests(BrowserFixture browser, SeededApp seeded)
{
    [Fact]
    public async Task GDS_filters_by_department_sorts_downloads_and_goes_through_to_a_dashboard()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "GDS");
        await page.GetByRole(AriaRole.Link, new() { Name = "Take-up across government" }).ClickAsync();
        await PageChecks.AccessibleAsync(page, "cross-government");
        var everyService = await page.Locator("#services tbody tr").CountAsync();

        await page.GetByLabel("Periods of").SelectOptionAsync("month");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.GetByLabel("Period", new() { Exact = true }).SelectOptionAsync("2026-10-01");
        await page.GetByLabel("Department").SelectOptionAsync("dwp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        var rows = page.Locator("#services tbody tr");
        Assert.InRange(await rows.CountAsync(), 1, everyService - 1);
        foreach (var department in await page.Locator("#services tbody tr td:nth-child(2)").AllInnerTextsAsync())
        {
            Assert.Equal("Department for Work and Pensions", department);
        }

        var carers = page.Locator("#services tbody tr", new() { HasText = "Carer's Allowance" });
        Assert.Contains("60.0%", await carers.InnerTextAsync());
        Assert.Contains("Month 2026-10", await page.Locator("h2").First.InnerTextAsync());

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Digital take-up.*sort descending$") }).ClickAsync();
        Assert.Equal("descending", await page.Locator("th[aria-sort='descending']").GetAttributeAsync("aria-sort"));
        Assert.Contains("Carer's Allowance", await rows.First.InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "cross-government-dwp");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download this table (CSV)" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("period,start,end,department,service,", csv[0]);
        Assert.All(csv.Skip(1), line => Assert.Contains(",dwp,", line));
        Assert.Contains(csv, line => line.StartsWith("2026-10,2026-10-01,2026-10-31,dwp,carers-allowance,", StringComparison.Ordinal));

        await carers.GetByRole(AriaRole.Link).ClickAsync();
        Assert.EndsWith($"/services/{SeededApp.Service}", page.Url);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Carer's Allowance digital claim");
    }
}
