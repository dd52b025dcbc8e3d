using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TakeUp.Hosting.LocalRuntime;
using TakeUp.Hosting.Tests.Support;

namespace TakeUp.Hosting.Tests.LocalRuntime;

public sealed class LocalModeTests
{
    [Fact]
    public async Task Without_the_functions_host_the_local_runtime_wires_every_queue_and_timer_function()
    {
        await using var app = await TestApp.StartAsync(Map);

        Assert.True(app.Services.GetRequiredService<FunctionsHostEnvironment>().LocalRuntimeActive);
        Assert.Equal(["RecordMessage", "RecordTimer"], app.Services.GetRequiredService<LocalTriggerRuntime>().ActiveTriggers.Select(f => f.Name).Order());
    }

    [Fact]
    public async Task The_local_runtime_stays_off_when_FUNCTIONS_CUSTOMHANDLER_PORT_is_set()
    {
        await using var app = await TestApp.StartAsync(
            Map, new Dictionary<string, string?> { [FunctionsHostEnvironment.CustomHandlerPortSetting] = "7125" });
        await app.Queues.SendAsync("local-messages", "for the Functions host, not us");

        var environment = app.Services.GetRequiredService<FunctionsHostEnvironment>();
        Assert.True(environment.IsFunctionsHost);
        Assert.Equal(7125, environment.CustomHandlerPort);
        Assert.False(environment.LocalRuntimeActive);
        Assert.Empty(app.Services.GetRequiredService<LocalTriggerRuntime>().ActiveTriggers);
        Assert.Equal(0, app.Queues["local-messages"].ReceiveCalls);
    }

    [Fact]
    public async Task The_local_runtime_can_be_switched_off_by_setting()
    {
        await using var app = await TestApp.StartAsync(Map, new Dictionary<string, string?> { ["LocalRuntime:Enabled"] = "false" });

        Assert.False(app.Services.GetRequiredService<FunctionsHostEnvironment>().LocalRuntimeActive);
        Assert.Empty(app.Services.GetRequiredService<LocalTriggerRuntime>().ActiveTriggers);
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_refused_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [FunctionsHostEnvironment.CustomHandlerPortSetting] = "eighty" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => FunctionsHostEnvironment.FromConfiguration(configuration));

        Assert.Contains(FunctionsHostEnvironment.CustomHandlerPortSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_functions_in_local_mode_without_a_queue_provider_stop_start_up_with_the_fix()
    {
        using var dataDirectory = new TempDirectory();
        await using var app = TestApp.Build(
            Map, null, services => services.RemoveAll<ITriggerQueueProvider>(), dataDirectory);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains(nameof(ITriggerQueueProvider), error.Message, StringComparison.Ordinal);
        Assert.Contains("LocalRuntime:Enabled=false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_local_runtime_settings_stop_start_up_naming_the_setting()
    {
        using var dataDirectory = new TempDirectory();
        await using var app = TestApp.Build(
            Map, new Dictionary<string, string?> { ["LocalRuntime:BatchSize"] = "64" }, null, dataDirectory);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());

        Assert.Contains("LocalRuntime:BatchSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_settings_come_from_host_json_unless_the_LocalRuntime_section_overrides_them()
    {
        await using var app = await TestApp.StartAsync(Map, new Dictionary<string, string?>
        {
            ["LocalRuntime:MaxPollingInterval"] = null,
            ["LocalRuntime:MaxDequeueCount"] = "3",
        });

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LocalRuntimeOptions>>().Value;

        // The sample host.json sets batchSize 8, maxDequeueCount 5 and maxPollingInterval 2 s.
        Assert.Equal(8, options.BatchSize);
        Assert.Equal(3, options.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(2), options.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(10), options.MessageLease);
    }

    [Fact]
    public void The_storage_emulator_starts_before_the_queue_listeners()
    {
        using var dataDirectory = new TempDirectory();
        var app = TestApp.Build(Map, null, null, dataDirectory);

        var order = app.Services.GetServices<IHostedService>().Select(service => service.GetType()).ToList();

        Assert.True(order.IndexOf(typeof(LocalStorageEmulatorService)) < order.IndexOf(typeof(QueueListenerService)));
        Assert.True(order.IndexOf(typeof(LocalStorageEmulatorService)) < order.IndexOf(typeof(TimerSchedulerService)));
    }

    [Theory]
    [InlineData("5123", null, "http://127.0.0.1:5123")]
    [InlineData(null, null, FunctionsHostUrlsExtensions.LocalDefaultUrl)]
    [InlineData(null, "http://localhost:5005", "http://localhost:5005")]
    [InlineData("5123", "http://localhost:5005", "http://127.0.0.1:5123")]
    public void The_app_listens_where_the_functions_host_calls_or_on_the_local_default(string? port, string? urls, string expected)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [FunctionsHostEnvironment.CustomHandlerPortSetting] = port ?? string.Empty,
            [WebHostDefaults.ServerUrlsKey] = urls ?? string.Empty,
            [WebHostDefaults.HttpPortsKey] = string.Empty,
            [WebHostDefaults.HttpsPortsKey] = string.Empty,
        });

        builder.UseFunctionsHostUrls();

        Assert.Equal(expected, builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey));
    }

    private static void Map(WebApplication app)
    {
        app.MapQueueFunction<RecordMessage, string>("local-messages");
        app.MapTimerFunction<RecordTimer>("0 0 3 * * *");
    }
}
