using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Emulator;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    private const int EntityCount = 1234;

    [Fact]
    public async Task A_query_over_more_than_1000_entities_returns_all_of_them_across_pages()
    {
        await using var table = await azurite.CreateTableAsync();
        await InsertAsync(table.Client, EntityCount);

        var pageSizes = new List<int>();
        var keys = new HashSet<string>();
        await foreach (var page in table.Client.QueryAsync().AsPages())
        {
            pageSizes.Add(page.Values.Count);
            keys.UnionWith(page.Values.Select(e => $"{e.PartitionKey}/{e.RowKey}"));
        }

        Assert.Equal(EntityCount, keys.Count);
        Assert.True(pageSizes.Count > 1, "more than 1,000 entities need more than one page");
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 1000));
    }

    [Fact]
    public async Task Pages_hold_at_most_maxPerPage_entities_and_a_token_resumes_where_a_page_ended()
    {
        await using var table = await azurite.CreateTableAsync();
        await InsertAsync(table.Client, EntityCount);
        var filter = TableFilter.PartitionKeyEquals("p1");

        var pages = new List<Azure.Page<TableEntity>>();
        await foreach (var page in table.Client.QueryAsync(filter, maxPerPage: 100).AsPages())
        {
            pages.Add(page);
        }

        var resumed = 0;
        await foreach (var entity in ResumeAsync(table.Client.QueryAsync(filter, maxPerPage: 100), pages[2].ContinuationToken!))
        {
            resumed++;
        }

        Assert.Equal(EntityCount / 2, pages.Sum(p => p.Values.Count));
        Assert.All(pages, p => Assert.InRange(p.Values.Count, 0, 100));
        Assert.All(pages.SelectMany(p => p.Values), e => Assert.Equal("p1", e.PartitionKey));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal((EntityCount / 2) - 300, resumed);
    }

    [Fact]
    public async Task Hostile_values_in_a_filter_match_exactly_the_intended_entity()
    {
        string[] hostile = ["'", "''", "%", "+", "100% + more", "a&b=c", "Ünïcødé ✓", " or true", "x' or PartitionKey ne 'x", "x') or (1 eq 1"];
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("x", "decoy") { ["Name"] = "x" });
        for (var i = 0; i < hostile.Length; i++)
        {
            await table.Client.AddEntityAsync(new TableEntity(hostile[i], $"r{i}") { ["Name"] = hostile[i] });
        }

        foreach (var value in hostile)
        {
            var byKey = await ToListAsync(table.Client.QueryAsync(TableFilter.PartitionKeyEquals(value)));
            var byProperty = await ToListAsync(table.Client.QueryAsync(TableFilter.Create($"Name eq {value}")));

            Assert.Equal(value, Assert.Single(byKey).PartitionKey);
            Assert.Equal(value, Assert.Single(byProperty).GetString("Name"));
        }
    }

    [Fact]
    public async Task Typed_filters_compare_typed_values()
    {
        await using var table = await azurite.CreateTableAsync();
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await table.Client.AddEntityAsync(new TableEntity("p", $"r{i}") { ["Big"] = 10_000_000_000L + i, ["At"] = start.AddDays(i), ["Ratio"] = i / 2.0 });
        }

        var big = await ToListAsync(table.Client.QueryAsync(TableFilter.Create($"Big ge {10_000_000_003L}")));
        var late = await ToListAsync(table.Client.QueryAsync(TableFilter.Create($"At gt {start.AddDays(2)}")));
        var ratio = await ToListAsync(table.Client.QueryAsync(TableFilter.Create($"Ratio eq {1.0}")));

        Assert.Equal(["r3", "r4"], big.Select(e => e.RowKey));
        Assert.Equal(["r3", "r4"], late.Select(e => e.RowKey));
        Assert.Equal("r2", Assert.Single(ratio).RowKey);
    }

    [Fact]
    public async Task A_selection_applies_to_every_queried_entity()
    {
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("p", "a") { ["Kept"] = 1, ["Dropped"] = 2 });
        await table.Client.AddEntityAsync(new TableEntity("p", "b") { ["Kept"] = 3, ["Dropped"] = 4 });

        var entities = await ToListAsync(table.Client.QueryAsync(select: ["Kept"]));

        Assert.Equal(2, entities.Count);
        Assert.All(entities, e => Assert.False(e.ContainsKey("Dropped")));
        Assert.Equal([1, 3], entities.Select(e => e.GetInt32("Kept")!.Value));
        Assert.All(entities, e => Assert.NotEqual(default, e.ETag));
    }

    /// <summary>Two partitions, filled through 100-entity transactions.</summary>
    private static async Task InsertAsync(TableClient table, int count)
    {
        var entities = Enumerable.Range(0, count).Select(i => new TableEntity($"p{i % 2}", $"r{i:D5}") { ["Index"] = i });
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
            }
        }
    }

    private static async IAsyncEnumerable<TableEntity> ResumeAsync(Azure.AsyncPageable<TableEntity> query, string token)
    {
        await foreach (var page in query.AsPages(token))
        {
            foreach (var entity in page.Values)
            {
                yield return entity;
            }
        }
    }

    private static async Task<List<TableEntity>> ToListAsync(Azure.AsyncPageable<TableEntity> query)
    {
        var list = new List<TableEntity>();
        await foreach (var entity in query)
        {
            list.Add(entity);
        }

        return list;
    }
}
