using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TakeUp.Functions.Tests.Pages;

[Collection(BrowserCollection.Name)]
public class PageAccessTests(BrowserFixture browser, SeededApp seeded)
{
    [Fact]
    public async Task Front_line_staff_are_refused_another_departments_service_and_the_managers_pages()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "Front-line staff");

        var other = await page.GotoAsync("/services/digital-self-assessment/sessions/new");
        Assert.Equal(403, other!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("You cannot see this page");
        Assert.Contains("digital-self-assessment", await page.Locator("main").InnerTextAsync());
        await PageChecks.AccessibleAsync(page, "refused");

        var dashboard = await page.GotoAsync($"/services/{SeededApp.Service}");
        Assert.Equal(403, dashboard!.Status);
        Assert.Equal(403, (await page.GotoAsync("/take-up"))!.Status);
        Assert.DoesNotContain("Digital self assessment", await (await page.GotoAsync("/"))!.TextAsync());
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in_and_back_to_where_they_were_going()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await page.GotoAsync($"/services/{SeededApp.Service}?period=month");
        Assert.Matches(new Regex("/sign-in\\?returnUrl=%2Fservices%2Fcarers-allowance%3Fperiod%3Dmonth$"), page.Url);
        await PageChecks.AccessibleAsync(page, "sign-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal(["Select the role you want to try"], await page.Locator(".govuk-error-summary li").AllInnerTextsAsync());
        await page.GetByLabel("Service manager").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.EndsWith($"/services/{SeededApp.Service}?period=month", page.Url);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        Assert.EndsWith("/sign-in", page.Url);
        await page.GotoAsync($"/services/{SeededApp.Service}");
        Assert.Contains("/sign-in", page.Url);
    }

    [Fact]
    public async Task A_sign_in_never_returns_to_another_site()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await page.GotoAsync("/sign-in?returnUrl=https%3A%2F%2Fexample.com%2F");
        await page.GetByLabel("GDS").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        Assert.Equal(seeded.App.Host.HttpAddress.ToString(), page.Url);
    }

    [Fact]
    public async Task A_form_posted_without_its_token_is_refused_and_records_nothing()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "Front-line staff");
        var before = await Infrastructure.TableCounts.OfAsync(seeded.App);

        // As a page on another site would post it: the browser's cookies, but no form token.
        var response = await page.APIRequest.PostAsync($"/services/{SeededApp.Service}/sessions/new", new()
        {
            Form = page.APIRequest.CreateFormData().Set("route", "in-person").Set("helpType", "guided").Set("reasons", "lacks-skills")
                .Set("outcome", "completed").Set("showedHowToDoItAlone", "yes").Set("wouldTryAlone", "yes").Set("durationMinutes", "10")
                .Set("staffReference", "ab1234").Set("provider", "dwp").Set("when", "2026-11-20 10:00"),
        });

        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("The form had expired", await response.TextAsync());
        Assert.Equal(before, await Infrastructure.TableCounts.OfAsync(seeded.App));
    }

    [Fact]
    public async Task The_api_does_not_accept_the_pages_sign_in_cookie()
    {
        var page = await browser.NewPageAsync(seeded.App);
        await PageChecks.SignInAsync(page, "GDS");
        var response = await page.APIRequest.GetAsync("/api/services");
        Assert.Equal((int)HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("application/problem+json", response.Headers["content-type"]);
    }
}
