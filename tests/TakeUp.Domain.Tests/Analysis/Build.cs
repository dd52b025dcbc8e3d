using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Tests.Analysis;

/// <summary>Small builders for hand-computed examples.</summary>
internal static class Build
{
    public static readonly CountKey Online = new(Channel.Online, AssistedSupport.None);
    public static readonly CountKey OnlineAssisted = new(Channel.Online, AssistedSupport.InPerson);
    public static readonly CountKey Phone = new(Channel.Phone, AssistedSupport.None);
    public static readonly CountKey Paper = new(Channel.Paper, AssistedSupport.None);

    public static DateOnly Date(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static Period Week(string monday) => Period.Containing(PeriodKind.Week, Date(monday));

    public static ChannelCounts Counts(long online = 0, long assisted = 0, long phone = 0, long paper = 0) => ChannelCounts.Empty
        .With(Online, online)
        .With(OnlineAssisted, assisted)
        .With(Phone, phone)
        .With(Paper, paper);

    /// <summary>Consecutive weeks from the week of <paramref name="firstMonday"/>, one per counts given.</summary>
    public static IReadOnlyList<PeriodCounts> Weeks(string firstMonday, params ChannelCounts[] counts)
    {
        var week = Week(firstMonday);
        var result = new List<PeriodCounts>();
        foreach (var c in counts)
        {
            result.Add(new PeriodCounts(week, c));
            week = week.Next();
        }

        return result;
    }

    /// <summary>Consecutive weeks with this digital take-up in percent, each of <paramref name="volume"/> transactions (digital online, the rest by phone).</summary>
    public static IReadOnlyList<PeriodCounts> TakeUpWeeks(string firstMonday, IEnumerable<double> percents, long volume = 1000) =>
        Weeks(firstMonday, percents.Select(p =>
        {
            var digital = (long)Math.Round(p * volume / 100);
            return Counts(online: digital, phone: volume - digital);
        }).ToArray());

    public static AssistedSession Session(
        DateTimeOffset when,
        int? point = null,
        SessionOutcome? outcome = null,
        SupportRoute? route = null,
        params HelpReason[] reasons) => new(
        Guid.NewGuid(),
        ServiceId.Parse("carers-allowance"),
        when,
        route ?? SupportRoute.InPerson,
        HelpType.Guided,
        "dwp",
        null,
        "staff-1",
        point is { } p ? InclusionScalePoint.Of(p) : null,
        reasons.Length == 0 ? [HelpReason.LacksSkills] : reasons,
        20,
        outcome ?? SessionOutcome.Completed,
        false,
        TryAloneNextTime.Unsure,
        null,
        null);

    /// <summary>Noon in London on the day.</summary>
    public static DateTimeOffset Noon(string date) => UkTime.StartOf(Date(date)).AddHours(12);
}
