using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TakeUp.Functions.Telemetry;
using TakeUp.Functions.Tests.Infrastructure;
using static TakeUp.Functions.Tests.Infrastructure.UsageApi;

namespace TakeUp.Functions.Tests.Telemetry;

public class TelemetryTests
{
    [Fact]
    public async Task A_submission_is_one_trace_from_the_http_request_through_its_queue_message_to_the_table_writes()
    {
        var spans = new List<Activity>();
        await using var app = await TakeUpApp.StartAsync(services =>
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans)));
        using var ingest = await app.IngestAsync("dwp");
        using var rows = new MeasurementsOf("takeup.usage.rows_applied");

        var receipt = await SubmitAsync(ingest, Row("2026-11-03", "carers-allowance", "online", 7), Row("2026-11-03", "carers-allowance", "phone", 2));
        await WaitForReceiptAsync(ingest, receipt.Id);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var finished = Snapshot(spans);
        var apply = finished.Single(s => s.DisplayName == "apply usage batch" && (string?)s.GetTagItem("takeup.batch_id") == $"{receipt.Id}-1");
        var trace = finished.Where(s => s.TraceId == apply.TraceId).ToList();
        var names = string.Join(", ", trace.Select(s => s.DisplayName));
        Assert.True(trace.Exists(s => s.DisplayName.Contains("SubmitUsage", StringComparison.Ordinal)), $"the HTTP invocation is in the trace: {names}");
        Assert.True(trace.Exists(s => s.DisplayName.StartsWith("QueueClient.SendMessage", StringComparison.Ordinal)), $"the queue send is in the trace: {names}");
        Assert.True(trace.Exists(s => s.DisplayName.StartsWith("TableClient.", StringComparison.Ordinal) && IsUnder(s, apply, trace)), $"the table writes are under the batch: {names}");
        Assert.True(rows.Total >= 2, "rows applied are counted");
    }

    [Fact]
    public async Task A_sessions_notes_never_reach_a_log_line_or_a_span()
    {
        const string Marker = "Marmalade-umbrella-notes";
        var lines = new ConcurrentQueue<string>();
        var spans = new List<Activity>();
        await using var app = await TakeUpApp.StartAsync(services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(lines)));
            services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
        });
        using var frontline = await app.ClientAsync("frontline", ["carers-allowance"]);

        using var logged = await frontline.PostAsJsonAsync("/api/services/carers-allowance/assisted-sessions", new
        {
            when = "2026-11-20T10:00", route = "in-person", helpType = "guided", provider = "dwp", staffReference = "ab1234",
            reasons = new[] { "lacks-confidence" }, durationMinutes = 20, outcome = "completed", showedHowToDoItAlone = true, wouldTryAlone = "yes",
            notes = $"Talked through the form; {Marker}",
        });
        Assert.Equal(HttpStatusCode.Created, logged.StatusCode);
        using var refused = await frontline.PostAsJsonAsync("/api/services/carers-allowance/support-requests", new { route = "phone", reasons = new[] { "nope" }, notes = Marker });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();

        Assert.Contains(lines, line => line.Contains("Wrote 1 assisted sessions for carers-allowance", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(Marker, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(Snapshot(spans).SelectMany(s => s.TagObjects), tag => tag.Value?.ToString()?.Contains(Marker, StringComparison.OrdinalIgnoreCase) == true);
    }

    [Fact]
    public void The_poison_count_uses_the_hosts_own_delivery_limit()
    {
        var host = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryFolders.Root, "src", "TakeUp.Functions", "host.json")))!;
        Assert.Equal(QueueFailureMiddleware.MaxDequeueCount, host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("ClientId=0f8fad5b-d9cb-469f-a165-70867728950e;Authorization=AAD", "0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("Authorization=AAD; clientid = abc", "abc")]
    [InlineData("Authorization=AAD", null)]
    [InlineData(null, null)]
    public void The_identity_for_Application_Insights_is_read_from_its_authentication_string(string? setting, string? clientId) =>
        Assert.Equal(clientId, TelemetrySetup.ClientIdFrom(setting));

    private static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }

    private static bool IsUnder(Activity span, Activity ancestor, List<Activity> trace)
    {
        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            var next = trace.FirstOrDefault(s => s.SpanId == parent);
            if (next is null)
            {
                return false;
            }

            parent = next.ParentSpanId;
        }

        return false;
    }

    /// <summary>Every measurement of one of the app's instruments while it lives (other tests add to the same static meter, so totals only grow).</summary>
    private sealed class MeasurementsOf : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public MeasurementsOf(string instrument)
        {
            _listener.InstrumentPublished = (i, listener) =>
            {
                if (i.Meter.Name == TakeUpTelemetry.Name && i.Name == instrument)
                {
                    listener.EnableMeasurementEvents(i);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Every log line the worker writes, with its state values and scopes, as text.</summary>
    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines, () => _scopes);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider?> scopes) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => scopes()?.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var text = new System.Text.StringBuilder($"{category}: {formatter(state, exception)} {exception}");
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var (key, value) in values)
                    {
                        text.Append($" {key}={value}");
                    }
                }

                scopes()?.ForEachScope((scope, builder) => builder.Append($" scope={scope}"), text);
                lines.Enqueue(text.ToString());
            }
        }
    }
}
