using System.Text;
using Azure.Data.Tables;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Tests.Infrastructure;

/// <summary>How many entities each of the app's tables holds, as one string: equal before and after means nothing was written.</summary>
public static class TableCounts
{
    public static async Task<string> OfAsync(TakeUpApp app)
    {
        var counts = new StringBuilder();
        foreach (var table in TableNames.All)
        {
            var count = 0;
            await foreach (var _ in app.Table(table).QueryAsync<TableEntity>(select: ["PartitionKey"]))
            {
                count++;
            }

            counts.Append(table).Append('=').Append(count).Append(' ');
        }

        return counts.ToString();
    }
}
