using Microsoft.Playwright;
using TakeUp.Functions.Tests.Infrastructure;

namespace TakeUp.Functions.Tests.Pages;

/// <summary>
/// One headless Chromium for the page tests: Debian's <c>chromium</c> (or <c>CHROMIUM_PATH</c>),
/// driven by Playwright, which here cannot download a browser of its own. Each test gets a fresh
/// browser context (its own cookies) on the app's real loopback address.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    private const string DebianChromium = "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = await ChromiumPathAsync(), Headless = true });
    }

    /// <summary>
    /// <c>CHROMIUM_PATH</c>, else Debian's chromium. Where it is missing and the tests run as root
    /// on a Debian machine (CI), it is installed first, so `dotnet test` needs no other step.
    /// </summary>
    private static async Task<string> ChromiumPathAsync()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new InvalidOperationException($"CHROMIUM_PATH names {configured}, which does not exist.");
        }

        if (!File.Exists(DebianChromium) && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            await Console.Error.WriteLineAsync("The page tests need Chromium: installing Debian's chromium package (apt-get install chromium).");
            await RunAsync("/bin/sh", "-c \"apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)\"");
        }

        return File.Exists(DebianChromium)
            ? DebianChromium
            : throw new InvalidOperationException($"The page tests need Chromium at {DebianChromium}: install it (sudo apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.");
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Installing chromium failed ({process.ExitCode}): {await output}{await errors}");
        }
    }

    /// <summary>A new tab with no cookies, on the app; fails the test on any script error or CSP violation the page reports.</summary>
    public async Task<IPage> NewPageAsync(TakeUpApp app, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.Host.HttpAddress.ToString(),
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            // A refused form or a refusal page is itself a 4xx document, which the browser logs too:
            // failed resources are caught below, by type, instead.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                problems.Add(message.Text);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && response.Request.ResourceType != "document")
            {
                problems.Add($"{response.Status} for {response.Request.ResourceType} {response.Url}");
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        PageProblems.AddOrUpdate(page, problems);
        return page;
    }

    /// <summary>What the browser complained about on a page so far (script errors, refused resources).</summary>
    public static IReadOnlyList<string> ProblemsOf(IPage page) => PageProblems.TryGetValue(page, out var list) ? list : [];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> PageProblems = [];

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>, ICollectionFixture<SeededApp>
{
    public const string Name = "browser";
}
