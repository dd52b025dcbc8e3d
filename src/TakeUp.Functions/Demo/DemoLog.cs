namespace TakeUp.Functions.Demo;

/// <summary>The demo loader's log messages, source-generated and structured.</summary>
internal static partial class DemoLog
{
    [LoggerMessage(9101, LogLevel.Information, "Demo history not loaded: Demo:Enabled is false{Reason}")]
    public static partial void Disabled(ILogger logger, string reason);

    [LoggerMessage(9102, LogLevel.Information, "Loading the demo history (seed {Seed}, from {FirstDate} to {LastDate}); docs/demo.md says what it is and how to turn it off")]
    public static partial void Loading(ILogger logger, int seed, string firstDate, string lastDate);

    [LoggerMessage(9103, LogLevel.Information, "Demo scenario applied to {Service}: {Filled} (fictional; the catalogue had none)")]
    public static partial void ScenarioApplied(ILogger logger, string service, string filled);

    [LoggerMessage(9104, LogLevel.Information,
        "Demo history loaded: {Services} services, {Days} service-days of usage, {Sessions} assisted sessions, {Figures} published figures reproduced; generated in {GenerateSeconds:F1} s, usage written in {UsageSeconds:F1} s, sessions in {SessionSeconds:F1} s ({TotalSeconds:F1} s in all)")]
    public static partial void Loaded(ILogger logger, int services, int days, int sessions, int figures, double generateSeconds, double usageSeconds, double sessionSeconds, double totalSeconds);

    [LoggerMessage(9105, LogLevel.Warning, "Demo: the published figure for {Service} ({Period}, {Measure} {Value}) is not reproduced: {Reason}")]
    public static partial void FigureNotReproduced(ILogger logger, string service, string period, string measure, double value, string reason);
}
