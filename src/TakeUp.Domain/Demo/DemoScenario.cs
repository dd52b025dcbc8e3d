using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Demo;

/// <summary>What an <c>applications</c> figure of a service counts, for the demo (column <c>applications_figure</c>).</summary>
public enum ApplicationsFigure
{
    /// <summary>The service has no applications figure.</summary>
    None,

    /// <summary>Every application made through the digital service: the demo's digital transactions reproduce it.</summary>
    Digital,

    /// <summary>Only part of the service (one country, say): not comparable, so not reproduced.</summary>
    NotComparable,
}

/// <summary>
/// The demo's fictional story for one service (a row of seeds/demo-scenarios.csv; docs/demo.md):
/// how big it is, how its take-up moves between and after the published figures, the target,
/// inclusion baseline and support standard the catalogue lacks, and whether its feed is late.
/// Take-up values here are <em>digital take-up</em> (assisted digital included), the measure
/// targets are judged on.
/// </summary>
/// <param name="Launched">When the history starts, if later than the first date and the first published figure.</param>
/// <param name="YearlyVolume">Transactions a year, used when the catalogue has no sourced volume.</param>
/// <param name="VolumeChangePerYear">The yearly volume grows (or shrinks) linearly by this fraction of itself each year.</param>
/// <param name="ApiShare">The share of unassisted digital transactions made through an API (software) rather than online.</param>
/// <param name="AssistedShareStart">The share of all transactions that were digital with assisted digital support, when the history starts.</param>
/// <param name="AssistedShareNow">The same share today: lower, as assisted digital declines.</param>
/// <param name="LaunchTakeUp">Digital take-up when the history starts, for a service without a published take-up figure.</param>
/// <param name="TakeUpYearAgo">Digital take-up a year before today.</param>
/// <param name="TakeUpNow">Digital take-up today.</param>
/// <param name="TargetDaysFromToday">The target's date, as days from today (negative: already passed).</param>
/// <param name="InclusionBaselineShare">The share of all transactions needing assisted digital support on the baseline date: the history passes through it.</param>
/// <param name="InclusionBaselineDaysFromToday">The baseline's date, as days from today (negative).</param>
/// <param name="FeedStopsDaysBeforeToday">For the late feed: the last day with data is this many days before today.</param>
public sealed record DemoScenario(
    ServiceId Service,
    DateOnly? Launched,
    long? YearlyVolume,
    double VolumeChangePerYear,
    SeasonProfile Season,
    double ApiShare,
    double AssistedShareStart,
    double AssistedShareNow,
    double? LaunchTakeUp,
    double TakeUpYearAgo,
    double TakeUpNow,
    double? TargetShare,
    int? TargetDaysFromToday,
    double? InclusionBaselineShare,
    int? InclusionBaselineDaysFromToday,
    int? SupportStandardDays,
    int? FeedStopsDaysBeforeToday,
    ApplicationsFigure ApplicationsFigure,
    string Note)
{
    /// <summary>The fictional target, dated from today.</summary>
    public TakeUpTarget? Target(DateOnly today) =>
        TargetShare is { } share && TargetDaysFromToday is { } days ? new TakeUpTarget(share, today.AddDays(days)) : null;

    /// <summary>The fictional inclusion baseline, dated from today.</summary>
    public InclusionBaseline? InclusionBaseline(DateOnly today) =>
        InclusionBaselineShare is { } share && InclusionBaselineDaysFromToday is { } days ? new InclusionBaseline(share, today.AddDays(days)) : null;

    /// <summary>
    /// The catalogue entry with this scenario's target, inclusion baseline and support standard
    /// filled in where the entry has none. A value the catalogue has (a sourced one) is never replaced.
    /// </summary>
    public ServiceRecord FillGaps(ServiceRecord service, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Id != Service)
        {
            throw new ArgumentException($"The scenario is for {Service}, not {service.Id}.", nameof(service));
        }

        return service with
        {
            TakeUpTarget = service.TakeUpTarget ?? Target(today),
            InclusionBaseline = service.InclusionBaseline ?? InclusionBaseline(today),
            SupportStandardDays = service.SupportStandardDays ?? SupportStandardDays,
        };
    }
}

/// <summary>A row of seeds/demo-scenarios.csv as text, before it is checked (columns in docs/demo.md).</summary>
public sealed record DemoScenarioInput(
    int Row,
    string? Service,
    string? Launched,
    string? YearlyVolume,
    string? VolumeChangePerYear,
    string? Season,
    string? ApiShare,
    string? AssistedShareStart,
    string? AssistedShareNow,
    string? LaunchTakeUp,
    string? TakeUpYearAgo,
    string? TakeUpNow,
    string? TargetShare,
    string? TargetDaysFromToday,
    string? InclusionBaselineShare,
    string? InclusionBaselineDaysFromToday,
    string? SupportStandardDays,
    string? FeedStopsDaysBeforeToday,
    string? ApplicationsFigure,
    string? Note)
{
    /// <summary>The CSV's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "service", "launched", "yearly_volume", "volume_change_per_year", "season", "api_share",
        "assisted_share_start", "assisted_share_now", "launch_take_up", "take_up_year_ago", "take_up_now",
        "target_share", "target_days_from_today", "inclusion_baseline_share", "inclusion_baseline_days_from_today",
        "support_standard_days", "feed_stops_days_before_today", "applications_figure", "note",
    ];
}

/// <summary>Checks demo scenarios, reporting every problem with its row and column.</summary>
public static class DemoScenarioReader
{
    /// <summary>The longest gap a feed's data may stop short of today by, in the demo (a year).</summary>
    public const int MaxFeedStopDays = 366;

    public static (DemoScenario? Scenario, IReadOnlyList<InputError> Errors) Read(DemoScenarioInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<InputError>();
        void Error(string field, string reason) => errors.Add(new InputError(input.Row, field, reason));

        if (!ServiceId.TryParse(input.Service, out var service))
        {
            Error("service", ServiceId.Rule(input.Service));
        }

        var launched = DemoFields.Date(input.Launched, "launched", Error);
        long? volume = null;
        if (DemoFields.Number(input.YearlyVolume, "yearly_volume", Error) is { } v)
        {
            if (v < 1 || v > 1e10 || v != Math.Floor(v))
            {
                Error("yearly_volume", $"'{input.YearlyVolume}' is not a whole number of transactions a year from 1 to 10,000,000,000.");
            }
            else
            {
                volume = (long)v;
            }
        }

        var change = DemoFields.Number(input.VolumeChangePerYear, "volume_change_per_year", Error) ?? 0;
        if (change is < -0.5 or > 1)
        {
            Error("volume_change_per_year", $"A yearly change is a fraction from -0.5 to 1 (8% a year is 0.08), not {input.VolumeChangePerYear}.");
        }

        if (!SeasonProfile.TryParse(input.Season, out var season))
        {
            Error("season", $"'{input.Season}' is not a season; use one of: {string.Join(", ", SeasonProfile.All.Select(s => s.Name))}.");
        }

        var api = DemoFields.Share(input.ApiShare, "api_share", Error) ?? 0;
        var assistedStart = Required(DemoFields.Share(input.AssistedShareStart, "assisted_share_start", Error), input.AssistedShareStart, "assisted_share_start", Error);
        var assistedNow = Required(DemoFields.Share(input.AssistedShareNow, "assisted_share_now", Error), input.AssistedShareNow, "assisted_share_now", Error);
        if (assistedStart is >= 0.5 || assistedNow is >= 0.5)
        {
            Error("assisted_share_start", "The assisted digital share of transactions must stay below 0.5.");
        }
        else if (assistedStart is not null && assistedNow is not null && assistedNow > assistedStart)
        {
            Error("assisted_share_now", "Assisted digital declines in the demo: assisted_share_now must not exceed assisted_share_start.");
        }

        var launchTakeUp = DemoFields.Share(input.LaunchTakeUp, "launch_take_up", Error);
        var yearAgo = Required(DemoFields.Share(input.TakeUpYearAgo, "take_up_year_ago", Error), input.TakeUpYearAgo, "take_up_year_ago", Error);
        var now = Required(DemoFields.Share(input.TakeUpNow, "take_up_now", Error), input.TakeUpNow, "take_up_now", Error);

        var targetShare = DemoFields.Share(input.TargetShare, "target_share", Error);
        var targetDays = DemoFields.Whole(input.TargetDaysFromToday, "target_days_from_today", -3660, 3660, Error);
        if ((targetShare is null) != (targetDays is null) && !HasBlankError(errors, "target_share", "target_days_from_today"))
        {
            Error("target_share", "Give target_share and target_days_from_today together, or neither.");
        }

        var baselineShare = DemoFields.Share(input.InclusionBaselineShare, "inclusion_baseline_share", Error);
        var baselineDays = DemoFields.Whole(input.InclusionBaselineDaysFromToday, "inclusion_baseline_days_from_today", -3660, -1, Error);
        if ((baselineShare is null) != (baselineDays is null) && !HasBlankError(errors, "inclusion_baseline_share", "inclusion_baseline_days_from_today"))
        {
            Error("inclusion_baseline_share", "Give inclusion_baseline_share and inclusion_baseline_days_from_today together, or neither.");
        }
        else if (baselineShare is >= 0.5)
        {
            Error("inclusion_baseline_share", "The assisted digital share of transactions must stay below 0.5.");
        }

        var standard = DemoFields.Whole(input.SupportStandardDays, "support_standard_days", 1, ServiceValidator.MaxSupportStandardDays, Error);
        var stops = DemoFields.Whole(input.FeedStopsDaysBeforeToday, "feed_stops_days_before_today", 2, MaxFeedStopDays, Error);

        var applications = ApplicationsFigure.None;
        switch (input.ApplicationsFigure?.Trim())
        {
            case null or "":
                break;
            case "digital":
                applications = ApplicationsFigure.Digital;
                break;
            case "not-comparable":
                applications = ApplicationsFigure.NotComparable;
                break;
            default:
                Error("applications_figure", $"'{input.ApplicationsFigure}' is not a choice; use digital, not-comparable, or leave it empty.");
                break;
        }

        var note = input.Note?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            Error("note", "Say why the scenario is as it is.");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new DemoScenario(
                service, launched, volume, change, season, api, assistedStart!.Value, assistedNow!.Value, launchTakeUp, yearAgo!.Value, now!.Value,
                targetShare, targetDays, baselineShare, baselineDays, standard, stops, applications, note!), errors);
    }

    private static double? Required(double? value, string? text, string field, Action<string, string> error)
    {
        if (value is null && string.IsNullOrWhiteSpace(text))
        {
            error(field, "Required: a share from 0 to 1.");
        }

        return value;
    }

    private static bool HasBlankError(List<InputError> errors, string first, string second) =>
        errors.Any(e => e.Field == first || e.Field == second);
}
