using System.Xml.Linq;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace TakeUp.Functions.Storage;

/// <summary>
/// The data-protection key ring (it signs the sign-in cookie and the forms' anti-forgery tokens) in
/// the <c>DataProtectionKeys</c> table, so every instance of the app reads the same keys. Written
/// here because the feed serves no Azure storage key repository (the Blob one,
/// Azure.Extensions.AspNetCore.DataProtection.Blobs, is not on it); the framework asks only for
/// these two calls. One row per key element; the framework reads them all when its cached ring
/// expires (about daily), so the calls are synchronous as the interface is.
/// </summary>
public sealed class TableXmlRepository(StorageAccount storage) : IXmlRepository
{
    private const string Partition = "key";

    private TableClient Table => storage.Table(TableNames.DataProtectionKeys);

    public IReadOnlyCollection<XElement> GetAllElements() =>
        Table.Query<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"))
            .Select(e => XElement.Parse(e.GetString("Xml") ?? throw new InvalidDataException($"Data-protection key {e.RowKey} has no Xml.")))
            .ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        var row = string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName;
        Table.UpsertEntity(new TableEntity(Partition, row) { ["Xml"] = element.ToString(SaveOptions.DisableFormatting) }, TableUpdateMode.Replace);
    }
}
