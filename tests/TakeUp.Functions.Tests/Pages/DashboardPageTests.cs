using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TakeUp.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public class DashboardPageTests(BrowserFixture browser, SeededApp seeded)
{
    [Fact]
    public async Task A_session_logged_on_the_form_shows_on_the_managers_dashboard_with_the_trend_and_targets()
    {
        var frontline = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(frontline, "Front-line staff");
        var manager = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(manager, "Service manager");
        await manager.GotoAsync($"/services/{SeededApp.Service}");
        var before = await SessionsByRouteAsync(manager, "By web chat");

        await frontline.GotoAsync($"/services/{SeededApp.Service}/sessions/new");
        await frontline.GetByLabel("By web chat").CheckAsync();
        await frontline.GetByLabel("Entered their details for them").CheckAsync();
        await frontline.GetByLabel("No suitable device").CheckAsync();
        await frontline.GetByLabel("Partly completed").CheckAsync();
        await frontline.Locator("#showedHowToDoItAlone-2").CheckAsync();
        await frontline.GetByLabel("No", new() { Exact = true }).Last.CheckAsync();
        await frontline.GetByLabel("How long did it take, in minutes?").FillAsync("40");
        await frontline.GetByLabel("Your staff reference").FillAsync("zz9876");
        await frontline.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(frontline.Locator(".govuk-panel__title")).ToHaveTextAsync("Session logged");

        await manager.ReloadAsync();
        Assert.Equal(before + 1, await SessionsByRouteAsync(manager, "By web chat"));
        await PageChecks.AccessibleAsync(manager, "dashboard-week");

        // The chart: both measures, the trend line over the fitted weeks, the target; and the same figures as a table.
        var chart = manager.Locator("svg.takeup-chart");
        Assert.Equal("img", await chart.GetAttributeAsync("role"));
        Assert.Matches("Digital take-up was 60.0% in 2026-W35 and 60.0% in 2026-W46", await chart.Locator("desc").TextContentAsync() ?? "");
        Assert.Equal(1, await chart.Locator("line.takeup-chart__trend").CountAsync());
        Assert.Equal(1, await chart.Locator("line.takeup-chart__target").CountAsync());
        var table = manager.Locator("table", new() { HasText = "The figures in the chart" });
        Assert.Contains("60.0%", await table.InnerTextAsync());
        var targets = await manager.Locator("#targets + table").InnerTextAsync();
        Assert.Matches(new Regex("Digital take-up target\\s+Missed"), targets);
        Assert.Contains("4-week average", await manager.Locator(".govuk-summary-list").First.InnerTextAsync());

        var download = await manager.RunAndWaitForDownloadAsync(() => manager.GetByRole(AriaRole.Link, new() { Name = "Download these figures (CSV)" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.Equal("period,start,end,transactions,digital,assisted_digital,digital_take_up,independent_digital_take_up,assisted_digital_share", csv[0]);
        Assert.Contains("2026-W40,2026-09-28,2026-10-04,1400,840,70,0.6,0.55,0.083333", csv);

        await manager.GetByRole(AriaRole.Link, new() { Name = "By month" }).ClickAsync();
        Assert.EndsWith("?period=month", manager.Url);
        await PageChecks.AccessibleAsync(manager, "dashboard-month");
    }

    [Fact]
    public async Task A_manager_acknowledges_an_open_alert_from_the_dashboard()
    {
        var manager = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(manager, "Service manager");
        await manager.GotoAsync($"/services/{SeededApp.Service}");
        var card = manager.Locator(".govuk-summary-card", new() { HasText = seeded.AlertId });
        Assert.Contains("Not yet", await card.InnerTextAsync());

        await card.GetByRole(AriaRole.Button, new() { Name = $"Acknowledge alert {seeded.AlertId}" }).ClickAsync();

        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync($"Alert {seeded.AlertId} acknowledged.");
        Assert.DoesNotContain("Not yet", await manager.Locator(".govuk-summary-card", new() { HasText = seeded.AlertId }).InnerTextAsync());
        Assert.Equal(0, await manager.GetByRole(AriaRole.Button, new() { Name = $"Acknowledge alert {seeded.AlertId}" }).CountAsync());
        await PageChecks.AccessibleAsync(manager, "dashboard-acknowledged");
    }

    private static async Task<int> SessionsByRouteAsync(IPage page, string route)
    {
        var cell = page.Locator("table", new() { HasText = "By route" }).Locator("tr", new() { HasText = route }).Locator("td");
        return int.Parse(await cell.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
