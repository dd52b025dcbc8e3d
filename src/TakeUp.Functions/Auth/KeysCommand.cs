using TakeUp.Functions.Storage;

using TakeUp.Functions.Services;

namespace TakeUp.Functions.Auth;

/// <summary>
/// <c>TakeUp.Functions keys create|list|revoke …</c>: manages API keys from a terminal, against the
/// storage the app is configured with (so the first admin key can be made before any exists).
/// </summary>
public static class KeysCommand
{
    public const string Usage = """
        Usage:
          dotnet src/TakeUp.Functions/bin/Debug/net10.0/TakeUp.Functions.dll keys create --role ROLE --name NAME [--services a,b] [--department ID]
          dotnet src/TakeUp.Functions/bin/Debug/net10.0/TakeUp.Functions.dll keys list
          dotnet src/TakeUp.Functions/bin/Debug/net10.0/TakeUp.Functions.dll keys revoke KEY_ID
        Roles: frontline and service-manager need --services; ingest needs --department; gds and admin need neither.
        The key is printed once; only its hash is stored. Storage is the app's AzureWebJobsStorage (start
        the app first when that is the local emulator).
        """;

    public static async Task<int?> TryRunAsync(IHost app, string[] args)
    {
        if (args.Length == 0 || args[0] != "keys")
        {
            return null;
        }

        var keys = app.Services.GetRequiredService<ApiKeyStore>();
        try
        {
            switch (args.ElementAtOrDefault(1))
            {
                case "create":
                    var request = new ApiKeyRequest(
                        Option(args, "--name"),
                        Option(args, "--role"),
                        Option(args, "--services")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        Option(args, "--department"));
                    var errors = request.Validate();
                    if (errors.Count == 0 && (request.Services is { Count: > 0 } || request.Department is not null))
                    {
                        await app.Services.GetRequiredService<StorageAccount>().Table(TableNames.Services).CreateIfNotExistsAsync();
                        errors = request.CheckCatalogue(await app.Services.GetRequiredService<ServiceCatalog>().GetAllAsync(CancellationToken.None));
                    }

                    if (errors.Count > 0)
                    {
                        await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, errors.Select(e => $"{e.Field}: {e.Reason}")));
                        return 2;
                    }

                    await app.Services.GetRequiredService<StorageAccount>().Table(TableNames.ApiKeys).CreateIfNotExistsAsync();
                    var created = await keys.CreateAsync(request.Name!, request.Role!, request.Services ?? [], request.Department, "command-line", CancellationToken.None);
                    Console.WriteLine($"Created key {created.Record.Id} ({created.Record.Role}) for {created.Record.Name}. Keep it now; it is not shown again:");
                    Console.WriteLine(created.Key);
                    return 0;
                case "list":
                    foreach (var key in await keys.ListAsync(CancellationToken.None))
                    {
                        Console.WriteLine($"{key.Id}  {key.Role,-15}  {(key.RevokedAt is null ? "active " : "revoked")}  {key.Name}  {string.Join(',', key.Services)}{key.Department}");
                    }

                    return 0;
                case "revoke" when args.Length >= 3:
                    var revoked = await keys.RevokeAsync(args[2], CancellationToken.None);
                    Console.WriteLine(revoked is null ? $"There is no key {args[2]}." : $"Revoked key {revoked.Id} ({revoked.Name}).");
                    return revoked is null ? 1 : 0;
                default:
                    await Console.Error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException || ex is Azure.RequestFailedException { Status: 0 })
        {
            // Azure.Core reports retries that all failed to connect as an AggregateException.
            await Console.Error.WriteLineAsync($"Storage is not reachable ({ex.GetBaseException().Message}). If it is the local emulator, start the app first.");
            return 1;
        }
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
