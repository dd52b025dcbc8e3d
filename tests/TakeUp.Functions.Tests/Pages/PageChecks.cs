using System.Text.Json;
using Microsoft.Playwright;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Pages;

/// <summary>What every page visited in a test must pass: axe-core finds nothing serious or critical, and the browser reported no errors.</summary>
public static class PageChecks
{
    private static readonly Lazy<string> Axe = new(() =>
        File.ReadAllText(Path.Combine(RepositoryFolders.Root, "node_modules", "axe-core", "axe.min.js")));

    private static readonly string? ScreenshotFolder = Environment.GetEnvironmentVariable("TAKEUP_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(Path.Combine(RepositoryFolders.Root, folder))
        : null;

    /// <summary>Runs axe on the page as it is (evaluated through the browser's debugger, so the page's CSP stays on) and fails on serious or critical violations.</summary>
    public static async Task AccessibleAsync(IPage page, string? screenshotName = null)
    {
        if (await page.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
        {
            await page.EvaluateAsync(Axe.Value);
        }

        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                .map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))
            """);
        var serious = violations.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, serious)}");
        var problems = BrowserFixture.ProblemsOf(page);
        Assert.True(problems.Count == 0, $"The browser reported on {page.Url}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

        if (ScreenshotFolder is not null && screenshotName is not null)
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotFolder, screenshotName + ".jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 75,
            });
        }
    }

    /// <summary>Signs in on the local sign-in page as one of the development roles.</summary>
    public static async Task SignInAsync(IPage page, string roleLabel)
    {
        await page.GotoAsync("/");
        Assert.Contains("/sign-in", page.Url);
        await page.GetByLabel(roleLabel, new PageGetByLabelOptions { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
    }
}
