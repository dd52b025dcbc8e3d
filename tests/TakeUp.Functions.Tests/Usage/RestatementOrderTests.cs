using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Tests.Usage;

/// <summary>
/// Design invariant 6 on Azurite: the latest accepted submission wins, whatever order the queue
/// delivers restatements in, and a day's revision history lists them in submission order.
/// </summary>
public class RestatementOrderTests : IAsyncLifetime
{
    private static readonly ServiceId Service = ServiceId.Parse("carers-allowance");
    private static readonly CountKey Online = new(Channel.Online, AssistedSupport.None);
    private static readonly CountKey Phone = new(Channel.Phone, AssistedSupport.None);
    private static readonly DateTimeOffset FirstAccepted = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private static int _nextDay;

    private TakeUpApp _app = null!;

    public async Task InitializeAsync() => _app = await TakeUpApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private UsageDailyStore Store => _app.Services.GetRequiredService<UsageDailyStore>();

    /// <summary>A day of its own for each case, so cases never share a partition.</summary>
    private static DateOnly NewDay() => new DateOnly(2020, 1, 1).AddDays(Interlocked.Increment(ref _nextDay));

    /// <summary>Submission <paramref name="i"/>, accepted i seconds after the first: online 10 × i (and phone i when asked).</summary>
    private static UsagePartitionUpdate Restatement(DateOnly day, int i, bool withPhone = false) => new(
        Service, day, $"restate-{day:yyyyMMdd}-{i}", CountingMode.Totals,
        withPhone ? [new(Online, 10L * i), new(Phone, i)] : [new(Online, 10L * i)],
        "test", FirstAccepted.AddSeconds(i), $"submission-{i:D2}");

    [Theory]
    [InlineData("in order")]
    [InlineData("reversed")]
    [InlineData("shuffled")]
    public async Task Twenty_restatements_of_a_day_end_on_the_last_accepted_in_any_delivery_order(string order)
    {
        var day = NewDay();
        var updates = Enumerable.Range(1, 20).Select(i => Restatement(day, i)).ToList();
        var delivered = order switch
        {
            "reversed" => Enumerable.Reverse(updates).ToList(),
            "shuffled" => updates.OrderBy(_ => Random.Shared.Next()).ToList(),
            _ => updates,
        };

        foreach (var update in delivered)
        {
            Assert.True(await Store.ApplyAsync(update, CancellationToken.None));
        }

        Assert.Equal(200, (await Store.ReadAsync(Service, new DateRange(day, day), CancellationToken.None))[day][Online]);
        await AssertHistoryInSubmissionOrderAsync(day);
    }

    [Fact]
    public async Task Twenty_restatements_applied_at_once_end_on_the_last_accepted()
    {
        var day = NewDay();

        await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(() => Store.ApplyAsync(Restatement(day, i), CancellationToken.None))));

        Assert.Equal(200, (await Store.ReadAsync(Service, new DateRange(day, day), CancellationToken.None))[day][Online]);
        await AssertHistoryInSubmissionOrderAsync(day);
    }

    [Fact]
    public async Task An_older_restatement_arriving_late_changes_only_the_counts_no_later_submission_set()
    {
        var day = NewDay();

        // Submission 2 set online only; submission 1, older, set online and phone and arrives last.
        await Store.ApplyAsync(Restatement(day, 2), CancellationToken.None);
        await Store.ApplyAsync(Restatement(day, 1, withPhone: true), CancellationToken.None);
        var counts = (await Store.ReadAsync(Service, new DateRange(day, day), CancellationToken.None))[day];

        Assert.Equal(20, counts[Online]);
        Assert.Equal(1, counts[Phone]);
    }

    [Fact]
    public void Any_delivery_order_with_any_redeliveries_ends_on_the_last_accepted_submission()
    {
        // Each case: 2 to 8 restatements of one day delivered in a random order, some delivered
        // again after being applied (a crash before the queue heard the outcome).
        var cases =
            from n in Gen.Choose(2, 8)
            from order in Gen.Shuffle(Enumerable.Range(1, n).ToArray())
            from redelivered in Gen.ArrayOf(Gen.Elements(false, true), n)
            select (Order: order, Redelivered: redelivered);

        Prop.ForAll(cases.ToArbitrary(), c => Task.Run(async () =>
        {
            var day = NewDay();
            for (var k = 0; k < c.Order.Length; k++)
            {
                var update = Restatement(day, c.Order[k]);
                Assert.True(await Store.ApplyAsync(update, CancellationToken.None));
                if (c.Redelivered[k])
                {
                    Assert.False(await Store.ApplyAsync(update, CancellationToken.None));
                }
            }

            var last = c.Order.Max();
            Assert.Equal(10L * last, (await Store.ReadAsync(Service, new DateRange(day, day), CancellationToken.None))[day][Online]);
            await AssertHistoryInSubmissionOrderAsync(day);
        }).GetAwaiter().GetResult()).Check(Config.QuickThrowOnFailure.WithMaxTest(25));
    }

    [Fact]
    public async Task Twenty_corrections_sent_through_the_api_one_after_another_end_on_the_last()
    {
        using var ingest = await _app.IngestAsync("dwp");
        var receipts = new List<string>();
        for (var i = 1; i <= 20; i++)
        {
            receipts.Add((await UsageApi.SubmitAsync(ingest, UsageApi.Row("2026-11-10", "carers-allowance", "online", 10L * i))).Id);
        }

        foreach (var receipt in receipts)
        {
            await UsageApi.WaitForReceiptAsync(ingest, receipt);
        }

        var day = new DateOnly(2026, 11, 10);
        Assert.Equal(200, (await Store.ReadAsync(Service, new DateRange(day, day), CancellationToken.None))[day][Online]);
        var revisions = await Store.ReadRevisionsAsync(Service, new DateRange(day, day), CancellationToken.None);
        Assert.Equal(revisions.Select(r => r.When).OrderByDescending(w => w).ToList(), revisions.Select(r => r.When).ToList());
    }

    /// <summary>Newest submission first, and each revision's new value is its own submission's.</summary>
    private async Task AssertHistoryInSubmissionOrderAsync(DateOnly day)
    {
        var revisions = await Store.ReadRevisionsAsync(Service, new DateRange(day, day), CancellationToken.None);
        var accepted = revisions.Select(r => r.When).ToList();
        Assert.Equal(accepted.OrderByDescending(w => w).ToList(), accepted);
        Assert.Equal(accepted.Distinct().Count(), accepted.Count);
        foreach (var revision in revisions)
        {
            var i = (int)(revision.When - FirstAccepted).TotalSeconds;
            Assert.Equal(10L * i, Assert.Single(revision.Changes).New);
        }
    }
}
