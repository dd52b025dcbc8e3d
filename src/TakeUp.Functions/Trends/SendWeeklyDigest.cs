using System.Globalization;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Functions.Alerts;
using TakeUp.Functions.Hosting;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;

namespace TakeUp.Functions.Trends;

/// <summary>
/// Timer function, Mondays at 07:00 London time (the old Performance Platform's hour): one e-mail
/// per service manager covering each of their services: last week's digital take-up against the
/// week before, and the status of each target. Sent once per manager per week.
/// </summary>
public sealed class SendWeeklyDigest(
    ServiceCatalog catalog,
    TrendStore trends,
    AlertStore alerts,
    DigestStore digests,
    NotifyClient notify,
    IOptions<NotifyOptions> notifyOptions,
    TimeProvider time,
    ILogger<SendWeeklyDigest> logger)
{
    /// <summary>Mondays at 07:00 in London: the UTC times that can be 07:00 London on either side of a clock change.</summary>
    public const string UtcSchedule = "0 0 6,7 * * 1";
    public const string LondonTime = "0 0 7 * * 1";
    private static readonly LondonSchedule London = new(UtcSchedule, LondonTime);

    [Function(nameof(SendWeeklyDigest))]
    public async Task RunAsync([TimerTrigger(UtcSchedule)] TimerInfo timer, FunctionContext context)
    {
        if (!London.ShouldRun(timer, time.GetUtcNow()))
        {
            Log.NotLondonTime(logger, nameof(SendWeeklyDigest), time.GetUtcNow(), LondonTime);
            return;
        }

        var cancellationToken = context.CancellationToken;
        var asOf = UkTime.DateOf(time.GetUtcNow());
        var lastWeek = Period.Containing(PeriodKind.Week, asOf).Next().Start.AddDays(-14);
        var week = Period.Containing(PeriodKind.Week, lastWeek);
        var byManager = (await catalog.GetAllAsync(cancellationToken)).Values
            .SelectMany(s => s.Managers.Select(m => (Manager: m.ToLowerInvariant(), Service: s)))
            .GroupBy(x => x.Manager, x => x.Service);

        int sent = 0, skipped = 0, already = 0;
        foreach (var manager in byManager.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!await digests.TryClaimAsync(week.Label, manager.Key, cancellationToken))
            {
                already++;
                continue;
            }

            var body = await ComposeAsync(manager.OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), week, cancellationToken);
            var settings = notifyOptions.Value;
            if (!settings.IsConfigured || string.IsNullOrWhiteSpace(settings.DigestTemplateId))
            {
                await digests.RecordAsync(week.Label, manager.Key, "skipped", "GOV.UK Notify is not configured (Notify:ApiKey and Notify:DigestTemplateId).", cancellationToken);
                skipped++;
                continue;
            }

            try
            {
                var id = await notify.SendEmailAsync(
                    new NotifyEmail(manager.Key, settings.DigestTemplateId, new Dictionary<string, string> { ["week"] = week.Label, ["body"] = body }, $"digest.{week.Label}"),
                    cancellationToken);
                await digests.RecordAsync(week.Label, manager.Key, "delivered", $"Notify notification {id}", cancellationToken);
                sent++;
            }
            catch (Exception ex) when (ex is HttpRequestException or NotifyException)
            {
                // Released, so the next run (or a rerun through the admin endpoint) tries this manager again.
                await digests.ReleaseAsync(week.Label, manager.Key, cancellationToken);
                throw;
            }
        }

        Log.DigestSent(logger, week.Label, sent, skipped, already);
    }

    /// <summary>
    /// The host reports its own local time, which is the worker's (UTC on Azure), and
    /// <see cref="DateTime.MinValue"/> before the first run, from which a late run would be checked
    /// against every firing since year 1.
    /// </summary>

    private async Task<string> ComposeAsync(IReadOnlyList<ServiceRecord> services, Period week, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var service in services)
        {
            var latest = await trends.GetPeriodAsync(service.Id, week, cancellationToken);
            var previous = await trends.GetPeriodAsync(service.Id, Period.Containing(PeriodKind.Week, week.Start.AddDays(-7)), cancellationToken);
            text.AppendLine(CultureInfo.InvariantCulture, $"# {service.Name}");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Digital take-up in {week.Label}: {Share(latest?.DigitalTakeUp)} of {latest?.Transactions ?? 0:N0} transactions (the week before: {Share(previous?.DigitalTakeUp)} of {previous?.Transactions ?? 0:N0}).");
            foreach (var state in (await alerts.GetStatesAsync(service.Id, cancellationToken)).Values.OrderBy(s => s.Rule, StringComparer.Ordinal))
            {
                if (TargetStatuses.TryParse(state.Status, out var status) && status != TargetStatus.NotJudged)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"* {state.Rule}: {state.Status}. {state.Reason}");
                }
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Share(double? value) => value is { } v ? v.ToString("P1", CultureInfo.GetCultureInfo("en-GB")) : "no figure";
}
