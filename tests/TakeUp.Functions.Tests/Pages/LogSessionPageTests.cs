using Microsoft.Playwright;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public class LogSessionPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_empty_form_shows_the_error_summary_keeps_the_answers_and_a_filled_one_is_logged()
    {
        await using var app = await TakeUpApp.StartAsync();
        var page = await browser.NewPageAsync(app);

        await PageChecks.SignInAsync(page, "Front-line staff");
        await PageChecks.AccessibleAsync(page, "start-frontline");
        await page.GetByRole(AriaRole.Link, new() { Name = "Log an assisted session for Carer's Allowance" }).ClickAsync();
        Assert.EndsWith("/services/carers-allowance/sessions/new", page.Url);
        await PageChecks.AccessibleAsync(page, "log-session");

        await page.GetByLabel("In person").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();

        Assert.StartsWith("Error: ", await page.TitleAsync());
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        var messages = await summary.Locator("li").AllInnerTextsAsync();
        Assert.Equal(
            ["Select what kind of help you gave", "Select at least one reason they needed help", "Select what happened", "Select yes if you showed them how to do it on their own",
             "Select whether they would try on their own next time", "Enter how long the session took, in minutes", "Enter your staff reference"],
            messages);
        Assert.True(await page.GetByLabel("In person").IsCheckedAsync(), "the answer given is kept");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your staff reference" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Your staff reference")).ToBeFocusedAsync();
        await PageChecks.AccessibleAsync(page, "log-session-errors");

        await page.GetByLabel("Guided them through the digital service").CheckAsync();
        await page.GetByLabel("3. Willing and unable").CheckAsync();
        await page.GetByLabel("Lacks confidence online").CheckAsync();
        await page.GetByLabel("Completed", new() { Exact = true }).CheckAsync();
        await page.Locator("#showedHowToDoItAlone").CheckAsync();
        await page.GetByLabel("Not sure").CheckAsync();
        await page.GetByLabel("How long did it take, in minutes?").FillAsync("25");
        await page.GetByLabel("Your staff reference").FillAsync("ab1234");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Session logged");
        await PageChecks.AccessibleAsync(page, "session-logged");
        Assert.Contains("25 minutes", await page.Locator(".govuk-summary-list").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Log another session" }).ClickAsync();
        Assert.Equal("ab1234", await page.GetByLabel("Your staff reference").InputValueAsync());
    }
}
