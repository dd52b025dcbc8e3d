using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.Metadata;

public sealed class HostJsonTests
{
    [Fact]
    public void The_sample_host_json_forwards_http_requests_and_starts_the_apps_executable()
    {
        Assert.Empty(HostJson.Validate(TestApp.SampleHostJson, expectedExecutableName: "SampleApp"));
    }

    [Fact]
    public void The_settings_the_local_runtime_uses_are_read()
    {
        var settings = HostJson.Read(TestApp.SampleHostJson);

        Assert.Equal(new HostJsonSettings("api", new HostJsonQueueSettings(8, 5, TimeSpan.FromSeconds(2), TimeSpan.Zero)), settings);
    }

    [Fact]
    public void Without_extensions_the_hosts_defaults_apply()
    {
        Assert.Equal(HostJsonSettings.Default, HostJson.Parse("""{"version":"2.0"}"""));
    }

    [Fact]
    public void An_empty_route_prefix_removes_the_prefix()
    {
        Assert.Equal(string.Empty, HostJson.Parse("""{"extensions":{"http":{"routePrefix":""}}}""").RoutePrefix);
    }

    [Fact]
    public void A_malformed_queue_setting_is_refused_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => HostJson.Parse("""{"extensions":{"queues":{"batchSize":64}}}"""));

        Assert.Contains("extensions.queues.batchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_names_every_custom_handler_problem_and_its_fix()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "host.json");
        File.WriteAllText(path, """
            {"version":"2.0","customHandler":{"description":{"defaultExecutablePath":"TakeUp.Functions.dll"}}}
            """);

        var problems = HostJson.Validate(path, expectedExecutableName: "TakeUp.Functions");

        Assert.Contains(problems, problem => problem.StartsWith("customHandler.enableForwardingHttpRequest must be true", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("self-contained", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Contains("does not name the app's executable 'TakeUp.Functions'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_reports_a_missing_custom_handler_and_a_missing_file()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "host.json");
        File.WriteAllText(path, """{"version":"2.0"}""");

        Assert.Contains(HostJson.Validate(path), problem => problem.StartsWith("customHandler is missing", StringComparison.Ordinal));
        Assert.Contains("does not exist", Assert.Single(HostJson.Validate(Path.Combine(folder.Path, "absent.json"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_reports_a_missing_executable()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "host.json");
        File.WriteAllText(path, """{"version":"2.0","customHandler":{"description":{},"enableForwardingHttpRequest":true}}""");

        Assert.Equal(
            ["customHandler.description.defaultExecutablePath is missing: set it to the app's executable name, relative to the app root."],
            HostJson.Validate(path));
    }
}
