using Microsoft.Playwright;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public class LogSessionPageTests(BrowserFixture browser, SeededApp seeded)
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
        await page.GetByRole(AriaRole.Link, new() { Name = "Your recent sessions" }).ClickAsync();
        var recent = page.Locator("table tbody tr");
        Assert.Equal(1, await recent.CountAsync());
        Assert.Contains("Carer's Allowance", await recent.InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "recent-sessions");

        await page.GoBackAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Log another session" }).ClickAsync();
        Assert.Equal("ab1234", await page.GetByLabel("Your staff reference").InputValueAsync());
    }

    [Fact]
    public async Task Personal_data_in_the_notes_is_refused_saying_what_kind_without_repeating_it()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "Front-line staff");
        await page.GotoAsync($"/services/{SeededApp.Service}/sessions/new");
        await FillValidAsync(page);
        await page.GetByLabel("Notes (optional)").FillAsync("Call her back on 07700 900123 after the weekend");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();

        var messages = await page.Locator(".govuk-error-summary li").AllInnerTextsAsync();
        var message = Assert.Single(messages);
        Assert.Contains("phone number", message);
        Assert.DoesNotContain("07700", message);
        Assert.DoesNotContain("900123", await page.Locator(".govuk-error-message").AllInnerTextsAsync() is var byField ? string.Join(" ", byField) : "");
        await PageChecks.AccessibleAsync(page, "log-session-personal-data");
        Assert.Equal(1, await page.Locator(".govuk-error-summary").CountAsync());
    }

    [Fact]
    public async Task A_session_can_be_logged_with_the_keyboard_alone()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "Front-line staff");
        await page.GotoAsync($"/services/{SeededApp.Service}/sessions/new");
        var keys = page.Keyboard;

        await TabToAsync(page, "route");          // In person, the first choice
        await keys.PressAsync("Space");
        await TabToAsync(page, "helpType");
        await keys.PressAsync("Space");
        await TabToAsync(page, "inclusionPoint"); // arrows move through a radio group: 1 → 3
        await keys.PressAsync("ArrowDown");
        await keys.PressAsync("ArrowDown");
        await TabToAsync(page, "reasons-4");      // Lacks confidence online
        await keys.PressAsync("Space");
        await TabToAsync(page, "outcome");
        await keys.PressAsync("Space");
        await TabToAsync(page, "showedHowToDoItAlone");
        await keys.PressAsync("Space");
        await TabToAsync(page, "wouldTryAlone");
        await keys.PressAsync("Space");
        await TabToAsync(page, "durationMinutes");
        await keys.TypeAsync("20");
        await TabToAsync(page, "staffReference");
        await keys.TypeAsync("kb4321");
        await keys.PressAsync("Enter");            // Enter in a text field submits the form

        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Session logged");
        var summary = await page.Locator(".govuk-summary-list").InnerTextAsync();
        Assert.Contains("3. Willing and unable", summary);
        Assert.Contains("Lacks confidence online", summary);
        Assert.Contains("kb4321", summary);
    }

    [Fact]
    public async Task The_form_works_without_javascript()
    {
        var page = await browser.NewPageAsync(seeded.App, javaScript: false);
        await PageChecks.SignInAsync(page, "Front-line staff");
        await page.GotoAsync($"/services/{SeededApp.Service}/sessions/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        Assert.True(await page.Locator(".govuk-error-summary").IsVisibleAsync());

        await FillValidAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log session" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-panel__title")).ToHaveTextAsync("Session logged");
    }

    private static async Task FillValidAsync(IPage page)
    {
        await page.GetByLabel("In person").CheckAsync();
        await page.GetByLabel("Guided them through the digital service").CheckAsync();
        await page.GetByLabel("Lacks the digital skills").CheckAsync();
        await page.GetByLabel("Completed", new() { Exact = true }).CheckAsync();
        await page.Locator("#showedHowToDoItAlone").CheckAsync();
        await page.GetByLabel("Yes", new() { Exact = true }).Last.CheckAsync();
        await page.GetByLabel("How long did it take, in minutes?").FillAsync("30");
        await page.GetByLabel("Your staff reference").FillAsync("ab1234");
    }

    /// <summary>Presses Tab until the element with this id has focus, as someone without a mouse would.</summary>
    private static async Task TabToAsync(IPage page, string id)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''") == id)
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached #{id}.");
    }
}
