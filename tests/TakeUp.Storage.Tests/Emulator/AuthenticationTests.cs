using Azure;
using TakeUp.Storage.Tests.Infrastructure;

namespace TakeUp.Storage.Tests.Emulator;

/// <summary>Azurite verifies signatures, so these prove the signing of both services end to end.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AuthenticationTests(AzuriteFixture azurite)
{
    private static readonly StorageSharedKeyCredential WrongKey =
        new(StorageConnection.DevelopmentAccountName, Convert.ToBase64String(new byte[64]));

    [Fact]
    public async Task Signed_table_requests_are_accepted_and_a_wrong_key_is_rejected_with_403()
    {
        await using var table = await azurite.CreateTableAsync();
        await table.Client.AddEntityAsync(new TableEntity("p", "r"));
        var impostor = new TableClient(azurite.Azurite.TableEndpoint, table.Client.Name, WrongKey);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => impostor.GetEntityIfExistsAsync("p", "r"));

        Assert.Equal(403, error.Status);
        Assert.True(error.ErrorCode == TableErrorCode.AuthorizationFailure);
        Assert.True((await table.Client.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task Signed_queue_requests_are_accepted_and_a_wrong_key_is_rejected_with_403()
    {
        await using var queue = await azurite.CreateQueueAsync();
        await queue.Client.SendMessageAsync("signed");
        var impostor = new QueueClient(queue.Client.Uri, WrongKey);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => impostor.PeekMessagesAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("signed", Assert.Single((await queue.Client.PeekMessagesAsync()).Value).MessageText);
    }

    [Fact]
    public async Task Keys_that_need_escaping_are_signed_correctly_in_entity_addresses()
    {
        await using var table = await azurite.CreateTableAsync();
        var entity = new TableEntity("svc|2026-11-21 O'Brien", "100% + Ünïcødé ✓ & more");
        await table.Client.AddEntityAsync(entity);

        var read = await table.Client.GetEntityIfExistsAsync(entity.PartitionKey, entity.RowKey);
        var deleted = await table.Client.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, read.Value!.ETag);

        Assert.Equal(entity.RowKey, read.Value.RowKey);
        Assert.Equal(204, deleted.Status);
    }
}
