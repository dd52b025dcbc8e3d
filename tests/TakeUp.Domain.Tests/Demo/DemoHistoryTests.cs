using System.Globalization;
using System.Text.RegularExpressions;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Assisted;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Demo;
using TakeUp.Domain.Usage;
using Xunit.Abstractions;

namespace TakeUp.Domain.Tests.Demo;

public sealed partial class DemoHistoryTests(DemoHistoryFixture fixture, ITestOutputHelper output) : IClassFixture<DemoHistoryFixture>
{
    /// <summary>Noon on the test clock's date: when the demo is taken to be loaded and judged.</summary>
    private static readonly DateTimeOffset Now = UkTime.StartOf(DemoSeeds.Today).AddHours(12);

    private DemoHistory History => fixture.History;

    /// <summary>The digital take-up target's status today, by the app's own rule (DigitalTakeUpTargetRule) over the last 13 complete weeks.</summary>
    internal static TargetEvaluation TargetStatusToday(DemoServiceHistory service)
    {
        var range = WeeklySeries.CompleteWeeksBefore(DemoSeeds.Today, TrendSettings.Default.LongWindow);
        var days = service.Days.Where(d => d.Date >= range.From).Select(d => KeyValuePair.Create(d.Date, d.Counts));
        var weeks = Rollup.By(PeriodKind.Week, days, range);
        var target = service.Scenario.FillGaps(service.Service, DemoSeeds.Today).TakeUpTarget;
        return DigitalTakeUpTargetRule.Evaluate(target, weeks, TrendSettings.Default, DemoSeeds.Today);
    }

    /// <summary>The feed's freshness today, by the app's own rule, taking the demo to be loaded at <see cref="Now"/>.</summary>
    internal static TargetStatus FeedStatusToday(DemoServiceHistory service) =>
        DataQualityRules.FeedLate(service.Service.FeedFrequency, service.LastArrivedAt(Now), Now).Status;

    [Fact]
    public void The_same_seed_gives_byte_identical_history_and_another_seed_a_different_one()
    {
        var again = DemoSeeds.Generate();
        var other = DemoSeeds.Generate(seed: DemoHistory.DefaultSeed + 1);

        var first = DemoHistoryFixture.Fingerprint(History);
        Assert.Equal(first, DemoHistoryFixture.Fingerprint(again));
        Assert.NotEqual(first, DemoHistoryFixture.Fingerprint(other));

        // Different throughout, not just somewhere: the sessions' ids and a typical day's counts differ.
        Assert.NotEqual(History.Services[0].Sessions[0].Id, other.Services[0].Sessions[0].Id);
        var day = History.Services[0].Days.Skip(100).First();
        Assert.NotEqual(day.Counts.Total, other.Services[0].Days.Skip(100).First().Counts.Total);
    }

    [Fact]
    public void Every_catalogue_service_has_history_up_to_the_day_before_today_except_the_one_late_feed()
    {
        Assert.Equal(DemoSeeds.Services.Select(s => s.Id), History.Services.Select(s => s.Service.Id));
        var yesterday = DemoSeeds.Today.AddDays(-1);
        var late = Assert.Single(History.Services, s => s.LastDay != yesterday);
        Assert.True(late.FeedIsLate);
        Assert.Equal(TargetStatus.AtRisk, FeedStatusToday(late)); // late: more than 7 + 2 days, not yet twice that
        Assert.True(late.LastDay < DemoSeeds.Today.AddDays(-late.Service.FeedFrequency.Days - 1));
        foreach (var service in History.Services)
        {
            var days = service.Days.Select(d => d.Date).ToList();
            Assert.Equal(service.FirstDay, days[0]);
            Assert.Equal(service.LastDay, days[^1]);
            Assert.Equal(days.Count, days.Distinct().Count());
            Assert.Equal(service.LastDay.DayNumber - service.FirstDay.DayNumber + 1, days.Count); // every day, none missing
        }
    }

    [Fact]
    public void History_starts_in_2012_or_at_the_first_published_figure_or_launch_when_later()
    {
        foreach (var service in History.Services)
        {
            var firstFigure = DemoSeeds.Figures.Where(f => f.Service == service.Service.Id).Select(f => (DateOnly?)f.PeriodStart).Min();
            var opens = service.Scenario.Launched ?? firstFigure ?? DemoHistory.DefaultFirstDate;
            var expected = opens > DemoHistory.DefaultFirstDate ? opens : DemoHistory.DefaultFirstDate;
            Assert.Equal(expected, service.FirstDay);
        }

        Assert.Equal(new DateOnly(2012, 1, 1), History.Services.Single(s => s.Service.Id.Value == "single-payment-scheme").FirstDay);
        Assert.Equal(new DateOnly(2014, 8, 1), History.Services.Single(s => s.Service.Id.Value == "book-prison-visit").FirstDay);
    }

    [Fact]
    public void Demo_FirstDate_cuts_the_history_and_leaves_earlier_figures_unreproduced()
    {
        var cut = DemoSeeds.Generate(firstDate: new DateOnly(2014, 1, 1));
        Assert.All(cut.Services, s => Assert.True(s.FirstDay >= new DateOnly(2014, 1, 1)));
        var sps2013 = cut.Figures.Single(f => f.Figure.Service.Value == "single-payment-scheme" && f.Figure.PeriodStart.Year == 2013);
        Assert.Null(sps2013.Generated);
        Assert.Contains("before the history", sps2013.NotReproducedBecause);
        var sps2014 = cut.Figures.Single(f => f.Figure.Service.Value == "single-payment-scheme" && f.Figure.PeriodStart.Year == 2014);
        Assert.True(sps2014.IsReproduced);
    }

    [Fact]
    public void Nothing_is_dated_today_or_later()
    {
        var startOfToday = UkTime.StartOf(DemoSeeds.Today);
        foreach (var service in History.Services)
        {
            Assert.True(service.LastDay < DemoSeeds.Today);
            Assert.All(service.Sessions, s => Assert.True(s.When < startOfToday, $"{s.Service} session at {s.When:O}"));
        }
    }

    [Fact]
    public void Counts_are_non_negative_and_only_on_the_services_channels()
    {
        foreach (var service in History.Services)
        {
            var allowed = service.Service.OfflineChannels.Concat([Channel.Online, Channel.Api]).ToHashSet();
            foreach (var day in service.Days)
            {
                Assert.True(day.Counts.Total > 0, $"{service.Service.Id} has no transactions on {day.Date}");
                foreach (var (key, count) in day.Counts.Entries)
                {
                    Assert.True(count >= 0);
                    Assert.Contains(key.Channel, allowed);
                    Assert.True(!key.Assisted.IsAssisted || key.Channel.IsDigital);
                }

                // Never 100% digital when there is an offline channel (a data-quality flag), never 0%.
                Assert.InRange(day.Counts.Digital, 1, day.Counts.Total - (service.Service.OfflineChannels.Count > 0 && day.Counts.Total >= 250 ? 1 : 0));
            }
        }
    }

    /// <summary>The requirement: the measure each figure publishes, recomputed from the days, within one percentage point.</summary>
    [Theory]
    [InlineData(DemoHistory.DefaultSeed)]
    [InlineData(1)]
    [InlineData(987654321)]
    public void Every_published_figure_is_reproduced_from_the_generated_days(int seed)
    {
        var history = seed == DemoHistory.DefaultSeed ? History : DemoSeeds.Generate(seed);
        var reproduced = 0;
        foreach (var figure in DemoSeeds.Figures)
        {
            var service = history.Services.Single(s => s.Service.Id == figure.Service);
            var period = service.Days.Where(d => d.Date >= figure.PeriodStart && d.Date <= figure.PeriodEnd).ToList();
            if (figure.Service.Value == "visas")
            {
                // China only: no whole-service figure compares with it (the scenario says so).
                Assert.Null(service.Figures.Single(f => f.Figure == figure).Generated);
                continue;
            }

            Assert.Equal(figure.PeriodEnd.DayNumber - figure.PeriodStart.DayNumber + 1, period.Count);
            var sum = period.Aggregate(ChannelCounts.Empty, (acc, d) => acc.Add(d.Counts));
            if (figure.IsShare)
            {
                // Independent digital take-up: digital transactions without assisted digital, over all.
                var share = (double)(sum.Digital - sum.AssistedDigital) / sum.Total;
                Assert.True(Math.Abs(share - figure.Value) <= 0.01,
                    $"{figure.Service} {figure.PeriodStart:yyyy-MM}..{figure.PeriodEnd:yyyy-MM}: published {figure.Value:P1}, generated {share:P2}");
                if (figure.Bound == FigureBound.AtLeast)
                {
                    Assert.True(share >= figure.Value, $"{figure.Service}: 'over {figure.Value:P0}' but generated {share:P2}");
                }
            }
            else
            {
                // Applications made through the digital service: over the figure, by at most 5%.
                Assert.InRange(sum.Digital, (long)figure.Value, (long)(figure.Value * 1.05));
            }

            Assert.True(service.Figures.Single(f => f.Figure == figure).IsReproduced);
            reproduced++;
        }

        Assert.Equal(DemoSeeds.Figures.Count - 1, reproduced);
    }

    [Fact]
    public void The_wording_of_each_figure_is_read_from_its_quote()
    {
        string Bound(string service, double value) => DemoSeeds.Figures.Single(f => f.Service.Value == service && f.Value == value).Bound.ToString();
        Assert.Equal("AtLeast", Bound("carers-allowance", 0.5)); // "over half"
        Assert.Equal("Exact", Bound("carers-allowance", 0.45)); // "from 20% to 45%"
        Assert.Equal("AtLeast", Bound("state-pension-online", 0.3)); // "over 30%"
        Assert.Equal("About", Bound("jobseekers-allowance-online", 0.85)); // "around 85%"
        Assert.Equal("Exact", Bound("book-prison-visit", 0.192)); // "up from 19.2%"
        Assert.Equal("About", Bound("book-prison-visit", 0.35)); // "around 35%"
        Assert.Equal("AtLeast", Bound("book-driving-test", 0.9)); // "above 90%"
        Assert.Equal("AtLeast", Bound("register-to-vote", 2000000)); // "over 2 million"
        Assert.Equal("AtLeast", Bound("student-finance", 80000)); // "over 80,000"
        Assert.Equal("About", Bound("visas", 28100)); // "approximately 28,100"
        Assert.Equal("Exact", Bound("single-payment-scheme", 0.4)); // "up from 40% in 2012"
        Assert.Equal("Exact", Bound("waste-carrier-registration", 0.96)); // "achieved 96%"
    }

    [Fact]
    public void Weekends_and_bank_holidays_are_quieter_than_weekdays()
    {
        var holidays = DemoSeeds.BankHolidays.ToHashSet();
        foreach (var service in History.Services)
        {
            var days = service.Days.ToList();
            double Mean(Func<DemoDay, bool> which) => days.Where(which).Average(d => (double)d.Counts.Total);
            var weekdays = Mean(d => d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(d.Date));
            var saturdays = Mean(d => d.Date.DayOfWeek == DayOfWeek.Saturday);
            var sundays = Mean(d => d.Date.DayOfWeek == DayOfWeek.Sunday);
            var bankHolidays = Mean(d => holidays.Contains(d.Date) && d.Date.DayOfWeek != DayOfWeek.Sunday);
            Assert.True(saturdays < 0.5 * weekdays, $"{service.Service.Id}: Saturdays {saturdays:F0}, weekdays {weekdays:F0}");
            Assert.True(sundays < saturdays, $"{service.Service.Id}: Sundays {sundays:F0}, Saturdays {saturdays:F0}");
            Assert.True(bankHolidays < 0.4 * weekdays, $"{service.Service.Id}: bank holidays {bankHolidays:F0}, weekdays {weekdays:F0}");

            // Within ordinary weeks (no bank holiday), Monday is the busiest day and Sunday the quietest.
            var shareOfWeek = new double[7];
            var weeks = days.Where(d => d.Date.DayOfWeek == DayOfWeek.Monday && d.Date.AddDays(6) <= service.LastDay)
                .Select(monday => days.Skip(monday.Date.DayNumber - service.FirstDay.DayNumber).Take(7).ToList())
                .Where(week => !week.Any(d => holidays.Contains(d.Date)))
                .ToList();
            foreach (var week in weeks)
            {
                var total = week.Sum(d => (double)d.Counts.Total);
                for (var i = 0; i < 7; i++)
                {
                    shareOfWeek[i] += week[i].Counts.Total / total / weeks.Count;
                }
            }

            Assert.Equal(0, Array.IndexOf(shareOfWeek, shareOfWeek.Max()));
            Assert.Equal(6, Array.IndexOf(shareOfWeek, shareOfWeek.Min()));
        }
    }

    [Fact]
    public void Days_vary_with_noise_but_not_wildly()
    {
        foreach (var service in History.Services)
        {
            var tuesdays = service.Days.Where(d => d.Date.DayOfWeek == DayOfWeek.Tuesday).TakeLast(8).Select(d => d.Counts.Total).ToList();
            Assert.True(tuesdays.Distinct().Count() > 1, $"{service.Service.Id}: the same count every Tuesday");
            var shares = service.Days.TakeLast(14).Select(d => (double)d.Counts.Digital / d.Counts.Total).ToList();
            Assert.True(shares.Max() - shares.Min() < 0.1, $"{service.Service.Id}: take-up swings {shares.Min():P1} to {shares.Max():P1} in a fortnight");
        }
    }

    [Fact]
    public void The_assisted_digital_share_of_digital_declines_and_the_offline_part_uses_each_offline_channel()
    {
        foreach (var service in History.Services)
        {
            var days = service.Days.ToList();
            ChannelCounts Sum(IEnumerable<DemoDay> some) => some.Aggregate(ChannelCounts.Empty, (acc, d) => acc.Add(d.Counts));
            var first = Sum(days.Take(365));
            var last = Sum(days.TakeLast(365));
            var firstShare = (double)first.AssistedDigital / first.Digital;
            var lastShare = (double)last.AssistedDigital / last.Digital;
            Assert.True(lastShare < firstShare, $"{service.Service.Id}: assisted share of digital {firstShare:P2} then {lastShare:P2}");
            Assert.True(last.AssistedDigital > 0);
            foreach (var channel in service.Service.OfflineChannels)
            {
                Assert.True(last.ForChannel(channel) > 0, $"{service.Service.Id}: nothing by {channel}");
            }

            foreach (var route in new[] { AssistedSupport.InPerson, AssistedSupport.Phone, AssistedSupport.Webchat })
            {
                Assert.True(last[new CountKey(Channel.Online, route)] > 0, $"{service.Service.Id}: no assisted digital by {route}");
            }
        }
    }

    [Fact]
    public void The_history_passes_through_each_fictional_inclusion_baseline()
    {
        foreach (var service in History.Services)
        {
            var baseline = service.Scenario.FillGaps(service.Service, DemoSeeds.Today).InclusionBaseline!;
            var around = service.Days.Where(d => Math.Abs(d.Date.DayNumber - baseline.AsOf.DayNumber) <= 14)
                .Aggregate(ChannelCounts.Empty, (acc, d) => acc.Add(d.Counts));
            var share = (double)around.AssistedDigital / around.Total;
            Assert.True(Math.Abs(share / baseline.AssistedShare - 1) < 0.05,
                $"{service.Service.Id}: assisted digital {share:P2} of transactions around {baseline.AsOf}, baseline {baseline.AssistedShare:P2}");
        }
    }

    [Fact]
    public void Weekly_volume_is_at_least_the_minimum_that_is_judged()
    {
        foreach (var service in History.Services)
        {
            var weeks = Rollup.By(PeriodKind.Week, service.Days.Select(d => KeyValuePair.Create(d.Date, d.Counts)), new DateRange(service.FirstDay, service.LastDay));
            var complete = weeks.Where(w => w.Period.Start >= service.FirstDay && w.Period.End <= service.LastDay).ToList();
            Assert.All(complete, w => Assert.True(w.Counts.Total >= TrendSettings.DefaultMinimumVolume, $"{service.Service.Id} week of {w.Period.Start}: {w.Counts.Total}"));
        }
    }

    [Fact]
    public void Sessions_cover_about_two_years_in_proportion_to_assisted_digital_and_stay_manageable()
    {
        Assert.InRange(History.SessionCount, 8_000, 30_000);
        var windowStart = DemoSeeds.Today.AddDays(-DemoHistory.SessionDays);
        foreach (var service in History.Services)
        {
            Assert.NotEmpty(service.Sessions);
            Assert.All(service.Sessions, s => Assert.True(UkTime.DateOf(s.When) >= windowStart));
            Assert.True(UkTime.DateOf(service.Sessions[0].When) < windowStart.AddDays(30), $"{service.Service.Id} starts {service.Sessions[0].When:yyyy-MM-dd}");
            Assert.True(UkTime.DateOf(service.Sessions[^1].When) > DemoSeeds.Today.AddDays(-10), $"{service.Service.Id} ends {service.Sessions[^1].When:yyyy-MM-dd}");
            Assert.Equal(service.Sessions.OrderBy(s => s.When).Select(s => s.Id), service.Sessions.Select(s => s.Id));
        }

        // The busiest services log the most sessions, and no service logs more than one per three assisted transactions.
        var assisted = History.Services.ToDictionary(s => s.Service.Id, s => s.Days.Where(d => d.Date >= windowStart).Sum(d => d.Counts.AssistedDigital));
        foreach (var service in History.Services.Where(s => !s.FeedIsLate))
        {
            Assert.True(service.Sessions.Count * 3 <= assisted[service.Service.Id], $"{service.Service.Id}: {service.Sessions.Count} sessions, {assisted[service.Service.Id]} assisted");
        }

        var most = assisted.MaxBy(p => p.Value).Key;
        Assert.Equal(most, History.Services.MaxBy(s => s.Sessions.Count)!.Service.Id);

        var ids = History.Services.SelectMany(s => s.Sessions).Select(s => s.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.DoesNotContain(Guid.Empty, ids);
    }

    [Fact]
    public void Sessions_look_real_and_hold_nothing_about_the_people_helped()
    {
        var sessions = History.Services.SelectMany(s => s.Sessions).ToList();
        foreach (var s in sessions)
        {
            Assert.Matches(StaffPattern(), s.StaffReference);
            Assert.Matches(ProviderPattern(), s.Provider);
            Assert.InRange(s.DurationMinutes, AssistedSessionValidator.MinDurationMinutes, AssistedSessionValidator.MaxDurationMinutes);
            Assert.NotEmpty(s.Reasons);
            Assert.Equal(s.Reasons.Count, s.Reasons.Distinct().Count());
            Assert.Null(s.SupportRequestId);
            Assert.True(s.Site is null || s.Site.Length <= AssistedSessionValidator.MaxSiteLength);
            Assert.Empty(PersonalDataDetector.Find(s.Site ?? ""));
            Assert.Empty(PersonalDataDetector.Find(s.Notes ?? ""));
            var local = TimeZoneInfo.ConvertTime(s.When, UkTime.Zone);
            Assert.Equal(UkTime.Zone.GetUtcOffset(local.DateTime), s.When.Offset);
            Assert.InRange(local.Hour, 8, 19);
        }

        var service = sessions[0].Service;
        var department = DemoSeeds.Services.Single(s => s.Id == service).Department.Value;
        Assert.Contains(sessions, s => s.Service == service && s.Provider == department);
        Assert.Contains(sessions, s => s.Provider == "citizens-advice");
        Assert.Contains(sessions, s => s.Provider == "local-library");

        // Every route, help type, outcome and answer turns up; most notes are empty.
        Assert.Equal(SupportRoute.All.Count, sessions.Select(s => s.Route).Distinct().Count());
        Assert.Equal(HelpType.All.Count, sessions.Select(s => s.HelpType).Distinct().Count());
        Assert.Equal(SessionOutcome.All.Count, sessions.Select(s => s.Outcome).Distinct().Count());
        Assert.Equal(TryAloneNextTime.All.Count, sessions.Select(s => s.WouldTryAlone).Distinct().Count());
        Assert.InRange(sessions.Count(s => s.Notes is null) / (double)sessions.Count, 0.5, 0.8);
        Assert.True(sessions.Count(s => s.Outcome == SessionOutcome.Completed) > sessions.Count / 2);

        // People who need help are mostly offline or reluctant (points 1 to 4).
        var asked = sessions.Where(s => s.InclusionPoint is not null).ToList();
        Assert.True(asked.Count(s => s.InclusionPoint!.Value.Value <= 4) > 0.6 * asked.Count);
        Assert.Contains(sessions, s => s.InclusionPoint is null);

        // Sessions can be logged through the API's own validation (apart from the one-year limit on logging late).
        var sample = sessions.Where((_, i) => i % 97 == 0).Select((s, i) => new AssistedSessionInput
        {
            Row = i + 1, Service = s.Service.Value, When = s.When.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            Route = s.Route.Name, HelpType = s.HelpType.Name, Provider = s.Provider, Site = s.Site, StaffReference = s.StaffReference,
            InclusionPoint = s.InclusionPoint?.Value.ToString(CultureInfo.InvariantCulture), Reasons = s.Reasons.Select(r => r.Name).ToList(),
            DurationMinutes = s.DurationMinutes.ToString(CultureInfo.InvariantCulture), Outcome = s.Outcome.Name,
            ShowedHowToDoItAlone = s.ShowedHowToDoItAlone ? "yes" : "no", WouldTryAlone = s.WouldTryAlone.Name, Notes = s.Notes,
        }).ToList();
        var validation = AssistedSessionValidator.Validate(sample, UkTime.StartOf(DemoSeeds.Today), _ => Guid.NewGuid());
        Assert.All(validation.Errors, e => Assert.Equal(AssistedSessionInput.Fields.When, e.Field));
    }

    /// <summary>The present day: the mix of statuses the demo is written to show, judged by the app's own rules.</summary>
    [Fact]
    public void Today_some_targets_are_on_track_some_at_risk_some_missed_and_one_feed_is_late()
    {
        var statuses = new Dictionary<string, TargetStatus>();
        var late = new List<string>();
        foreach (var service in History.Services)
        {
            var evaluation = TargetStatusToday(service);
            statuses[service.Service.Id.Value] = evaluation.Status;
            if (FeedStatusToday(service) != TargetStatus.OnTrack)
            {
                late.Add(service.Service.Id.Value);
            }

            output.WriteLine($"{service.Service.Id,-30} {evaluation.Status.Name(),-9} {evaluation.Reason}");
        }

        Assert.Equal(["book-prison-visit"], late);
        Assert.Equal(ExpectedOnTrack, statuses.Where(p => p.Value == TargetStatus.OnTrack).Select(p => p.Key).Order());
        Assert.Equal(ExpectedAtRisk, statuses.Where(p => p.Value == TargetStatus.AtRisk).Select(p => p.Key).Order());
        Assert.Equal(ExpectedMissed, statuses.Where(p => p.Value == TargetStatus.Missed).Select(p => p.Key).Order());
    }

    [Fact]
    public void The_story_holds_for_other_seeds_too()
    {
        foreach (var seed in new[] { 1, 7, 99, 424242 })
        {
            var history = DemoSeeds.Generate(seed);
            var statuses = history.Services.ToDictionary(s => s.Service.Id.Value, s => TargetStatusToday(s).Status);
            Assert.Equal(ExpectedOnTrack, statuses.Where(p => p.Value == TargetStatus.OnTrack).Select(p => p.Key).Order());
            Assert.Equal(ExpectedAtRisk, statuses.Where(p => p.Value == TargetStatus.AtRisk).Select(p => p.Key).Order());
            Assert.Equal(ExpectedMissed, statuses.Where(p => p.Value == TargetStatus.Missed).Select(p => p.Key).Order());
            Assert.Equal(["book-prison-visit"], history.Services.Where(s => FeedStatusToday(s) != TargetStatus.OnTrack).Select(s => s.Service.Id.Value));
        }
    }

    internal static readonly string[] ExpectedOnTrack =
    [
        "book-driving-test", "book-prison-visit", "carers-allowance", "digital-self-assessment", "digital-tax-account", "register-to-vote",
        "single-payment-scheme", "view-driving-record", "waste-carrier-registration",
    ];

    internal static readonly string[] ExpectedAtRisk = ["lasting-power-of-attorney", "paye-for-employees", "state-pension-online", "student-finance"];

    internal static readonly string[] ExpectedMissed = ["jobseekers-allowance-online", "renew-patent", "visas"];

    [Fact]
    public void Digital_take_up_now_and_a_year_ago_follow_the_scenario()
    {
        foreach (var service in History.Services.Where(s => !s.FeedIsLate))
        {
            double TakeUpAround(DateOnly day)
            {
                var near = service.Days.Where(d => Math.Abs(d.Date.DayNumber - day.DayNumber) <= 14)
                    .Aggregate(ChannelCounts.Empty, (acc, d) => acc.Add(d.Counts));
                return (double)near.Digital / near.Total;
            }

            var now = TakeUpAround(DemoSeeds.Today.AddDays(-15));
            var yearAgo = TakeUpAround(DemoSeeds.Today.AddDays(-365));
            var expectedNow = service.Scenario.TakeUpNow - (service.Scenario.TakeUpNow - service.Scenario.TakeUpYearAgo) * 15 / 365;
            Assert.True(Math.Abs(now - expectedNow) < 0.01, $"{service.Service.Id}: now {now:P2}, scenario {expectedNow:P2}");
            Assert.True(Math.Abs(yearAgo - service.Scenario.TakeUpYearAgo) < 0.015, $"{service.Service.Id}: a year ago {yearAgo:P2}, scenario {service.Scenario.TakeUpYearAgo:P2}");
        }
    }

    [Fact]
    public void Prints_the_calibration_table()
    {
        foreach (var check in History.Figures)
        {
            var f = check.Figure;
            var generated = check.Generated is not { } g ? check.NotReproducedBecause : f.IsShare ? g.ToString("P2", CultureInfo.InvariantCulture) : g.ToString("N0", CultureInfo.InvariantCulture);
            output.WriteLine($"| {f.Service} | {f.PeriodStart:yyyy-MM-dd} to {f.PeriodEnd:yyyy-MM-dd} | {f.MeasureName} | {f.Value} ({f.Bound}) | {f.Source} | {generated} |");
        }

        Assert.Equal(DemoSeeds.Figures.Count, History.Figures.Count());
        Assert.Equal(DemoSeeds.Figures.Count - 1, History.Figures.Count(f => f.IsReproduced));
    }

    [GeneratedRegex("^staff-[0-9]{3}$")]
    private static partial Regex StaffPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex ProviderPattern();
}
