using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using TakeUp.Domain.Calendar;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;
using TakeUp.Functions.Tests.Infrastructure;
using TakeUp.Functions.Usage;

namespace TakeUp.Functions.Tests.Storage;

/// <summary>
/// What the app's stores rely on from Azure Tables, checked on Azurite through the app's own
/// clients: typed values keep their type, long reads cross page boundaries, and no caller's value
/// can change what a filter means.
/// </summary>
public class TableBehaviourTests
{
    [Theory]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("%")]
    [InlineData("--")]
    [InlineData("é ✓ 日本")]
    [InlineData("a' or PartitionKey ne '")]
    [InlineData(") or PartitionKey ne '' or (")]
    public async Task A_hostile_value_in_a_filter_matches_exactly_the_entity_that_holds_it(string hostile)
    {
        await using var app = await TakeUpApp.StartAsync();
        var table = app.Table("Probe" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        try
        {
            await table.AddEntityAsync(new TableEntity("ordinary", "one") { ["Name"] = "ordinary" });
            await table.AddEntityAsync(new TableEntity("other", "two") { ["Name"] = "other" });
            await table.AddEntityAsync(new TableEntity(hostile, "three") { ["Name"] = hostile });

            var byKey = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {hostile}")).ToListAsync();
            var byProperty = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Name eq {hostile}")).ToListAsync();
            var notFound = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {hostile + "x"}")).ToListAsync();

            Assert.Equal("three", Assert.Single(byKey).RowKey);
            Assert.Equal("three", Assert.Single(byProperty).RowKey);
            Assert.Empty(notFound);
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    [Theory]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("%27%20or%20true")]
    public async Task A_hostile_receipt_id_is_refused_and_reveals_no_other_receipt(string hostile)
    {
        await using var app = await TakeUpApp.StartAsync();
        using var ingest = await app.IngestAsync();
        await UsageApi.SubmitAsync(ingest, UsageApi.Row("2026-11-20", "carers-allowance", "online", 5));

        var response = await ingest.GetAsync("/api/usage/receipts/" + Uri.EscapeDataString(hostile));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await app.Services.GetRequiredService<UsageReceiptStore>().GetAsync(hostile, CancellationToken.None));
    }

    [Fact]
    public async Task A_read_of_more_than_one_page_of_days_returns_every_day()
    {
        await using var app = await TakeUpApp.StartAsync();
        var store = app.Services.GetRequiredService<UsageDailyStore>();
        var service = ServiceId.Parse("carers-allowance");
        var first = new DateOnly(2023, 1, 1);
        const int days = 1_150; // a query page holds at most 1,000 entities
        var online = new CountKey(Channel.Online, AssistedSupport.None);

        await Parallel.ForEachAsync(Enumerable.Range(0, days), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await store.ApplyAsync(
                new UsagePartitionUpdate(service, first.AddDays(i), $"paging-{i}", CountingMode.Increments, [new(online, i + 1)], "test"), ct));

        var read = await store.ReadAsync(service, new DateRange(first, first.AddDays(days - 1)), CancellationToken.None);

        Assert.Equal(days, read.Count);
        Assert.Equal(Enumerable.Range(1, days).Sum(i => (long)i), read.Values.Sum(c => c[online]));
    }

    [Fact]
    public async Task Counts_beyond_the_32_bit_range_and_shares_of_exactly_0_and_1_keep_their_values()
    {
        await using var app = await TakeUpApp.StartAsync();
        var store = app.Services.GetRequiredService<UsageDailyStore>();
        var services = app.Services.GetRequiredService<ServiceStore>();
        var day = new DateOnly(2026, 11, 2);
        var online = new CountKey(Channel.Online, AssistedSupport.None);
        const long huge = 5_000_000_000;

        await store.ApplyAsync(new UsagePartitionUpdate(ServiceId.Parse("carers-allowance"), day, "huge-1", CountingMode.Totals, [new(online, huge)], "test"), CancellationToken.None);
        var catalogued = (await services.ListAsync(CancellationToken.None)).First();
        var edited = catalogued with
        {
            YearlyVolume = huge,
            TakeUpTarget = new TakeUpTarget(1.0, new DateOnly(2027, 3, 31)),
            InclusionBaseline = new InclusionBaseline(0.0, new DateOnly(2024, 4, 1)),
        };
        await services.PutAsync(edited, "test", CancellationToken.None);

        var counts = await store.ReadAsync(ServiceId.Parse("carers-allowance"), new DateRange(day, day), CancellationToken.None);
        var stored = (await services.ListAsync(CancellationToken.None)).Single(s => s.Id == catalogued.Id);

        Assert.Equal(huge, counts[day][online]);
        Assert.Equal(huge, stored.YearlyVolume);
        Assert.Equal(1.0, stored.TakeUpTarget!.Share);
        Assert.Equal(0.0, stored.InclusionBaseline!.AssistedShare);
    }
}
