using Microsoft.Playwright;

namespace TakeUp.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public class SupportRequestPageTests(BrowserFixture browser, SeededApp seeded)
{
    [Fact]
    public async Task A_support_request_is_opened_given_a_session_and_resolved()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "Front-line staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Support requests for Carer's Allowance digital claim" }).ClickAsync();
        await PageChecks.AccessibleAsync(page, "support-requests");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open a support request" }).Or(page.GetByRole(AriaRole.Link, new() { Name = "Open a support request" })).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Open request" }).ClickAsync();
        Assert.Equal(
            ["Select how they asked for help", "Select at least one reason they need help"],
            await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await PageChecks.AccessibleAsync(page, "support-request-errors");

        await page.GetByLabel("By phone").CheckAsync();
        await page.GetByLabel("Language").CheckAsync();
        await page.GetByLabel("Notes (optional)").FillAsync("Needs an interpreter for the identity questions");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open request" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Support request");
        Assert.Contains("Open", await page.Locator(".govuk-summary-list").InnerTextAsync());
        var requestUrl = page.Url;
        await PageChecks.AccessibleAsync(page, "support-request");

        await page.GetByRole(AriaRole.Link, new() { Name = "Log a session for this request" }).ClickAsync();
        var requestId = await page.GetByLabel("Support request (optional)").InputValueAsync();
        Assert.EndsWith(requestId, requestUrl);
        await page.GetByLabel("By phone").CheckAsync();
        await page.GetByLabel("Guided them through the digital service").CheckAsync();
        await page.GetByLabel("Language").CheckAsync();
        await page.GetByLabel("Completed", new() { Exact = true }).CheckAsync();
        await page.Locator("#showedHowToDoItAlone").CheckAsync();
        await page.GetByLabel("Yes", new() { Exact = true }).Last.CheckAsync();
        await page.GetByLabel("How long did it take, in minutes?").FillAsync("15");
        await page.GetByLabel("Your staff reference").FillAsync("cd5678");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Session logged");

        await page.GotoAsync(requestUrl);
        Assert.Equal(1, await page.Locator("h2", new() { HasText = "Sessions for this request" }).CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickAsync();
        Assert.Equal(["Select whether the request was resolved or withdrawn"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await page.GetByLabel("Resolved").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close request" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The request is resolved.");
        Assert.Contains("Resolved", await page.Locator(".govuk-summary-list").InnerTextAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Close request" }).CountAsync());
        await PageChecks.AccessibleAsync(page, "support-request-resolved");
        await page.GotoAsync($"/services/{SeededApp.Service}/support-requests");
        Assert.Equal(0, await page.Locator($"a[href$='{requestId}']").CountAsync());
    }
}
