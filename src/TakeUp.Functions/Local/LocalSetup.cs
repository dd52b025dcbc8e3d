using System.Text.Json;
using Microsoft.Extensions.Options;
using TakeUp.Domain.Services;
using TakeUp.Functions.Auth;
using TakeUp.Functions.Demo;
using TakeUp.Functions.Logging;
using TakeUp.Functions.Services;
using TakeUp.Functions.Storage;

namespace TakeUp.Functions.Local;

/// <summary>
/// In the Development environment only (a local run, through <c>TakeUp.LocalHost</c> or
/// <c>func start</c>; never in Azure): on the first start, loads the services
/// catalogue from <c>seeds/services.csv</c> and makes one API key per role, written to
/// <c>.data/dev-keys.json</c> so people and scripts can try every role at once; then, when the
/// catalogue was new, loads the demo history (docs/demo.md) in the background.
/// </summary>
public sealed class LocalSetup(
    StorageInitializer storage,
    ServiceStore services,
    ServiceCatalog catalog,
    ApiKeyStore keys,
    DemoLoader demo,
    IOptions<LocalSetupOptions> options,
    IHostEnvironment environment,
    ILogger<LocalSetup> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the catalogue and the development keys are in place (at once when not in local mode).</summary>
    public Task Ready => _ready.Task;

    public string DevKeysPath => Path.Combine(DataDirectory(), DevKeysFile.FileName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Seeding and development keys are for a local run only.
        if (!options.Value.IsEnabled(environment))
        {
            _ready.TrySetResult();
            return;
        }

        try
        {
            await storage.Ready.WaitAsync(stoppingToken);
            var seeded = await SeedCatalogueAsync(stoppingToken);
            await EnsureDevKeysAsync(stoppingToken);
            _ready.TrySetResult();

            // After Ready: the API answers while years of history load (about a minute).
            if (seeded)
            {
                await demo.LoadAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            Log.LocalSetupFailed(logger, ex);
            _ready.TrySetException(ex);
        }
    }

    /// <returns>True when the catalogue was empty and has been loaded now.</returns>
    private async Task<bool> SeedCatalogueAsync(CancellationToken cancellationToken)
    {
        if (!await services.IsEmptyAsync(cancellationToken))
        {
            return false;
        }

        var path = Path.Combine(SeedsDirectory(), "services.csv");
        using var reader = new StreamReader(path);
        var loaded = 0;
        foreach (var input in ServiceCsv.Read(reader))
        {
            var (service, errors) = ServiceValidator.Validate(input);
            if (service is null)
            {
                throw new InvalidDataException($"{path} row {input.Row} is not valid: {string.Join("; ", errors.Select(e => $"{e.Field}: {e.Reason}"))}");
            }

            await services.PutAsync(service, "seed", cancellationToken);
            loaded++;
        }

        catalog.Invalidate();
        Log.CatalogueSeeded(logger, loaded, path);
        return true;
    }

    private async Task EnsureDevKeysAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(DevKeysPath))
        {
            var existing = JsonSerializer.Deserialize<DevKeysFile>(await File.ReadAllTextAsync(DevKeysPath, cancellationToken), Json);
            var stillValid = existing is not null && existing.Keys.Count == Roles.All.Count;
            foreach (var key in existing?.Keys ?? [])
            {
                stillValid = stillValid && await keys.AuthenticateAsync(key.Key, cancellationToken) is not null;
            }

            if (stillValid)
            {
                Log.DevKeysFound(logger, DevKeysPath);
                return;
            }
        }

        var department = DepartmentId.Parse(options.Value.DevKeysDepartment);
        var scoped = (await catalog.GetAllAsync(cancellationToken)).Values
            .Where(s => s.Department == department)
            .Select(s => s.Id.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        var made = new List<DevKey>();
        foreach (var role in Roles.All)
        {
            var roleServices = Roles.IsScopedToServices(role) ? scoped : [];
            var roleDepartment = Roles.IsScopedToDepartment(role) ? department.Value : null;
            var created = await keys.CreateAsync($"local development ({role})", role, roleServices, roleDepartment, "local-setup", cancellationToken);
            made.Add(new DevKey(role, created.Record.Id, created.Key, roleServices, roleDepartment));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(DevKeysPath)!);
        await File.WriteAllTextAsync(DevKeysPath, JsonSerializer.Serialize(new DevKeysFile(DevKeysFile.Explanation, made), Json), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(DevKeysPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Log.DevKeysWritten(logger, DevKeysPath);
    }

    private string SeedsDirectory() =>
        options.Value.SeedsDirectory ?? Path.Combine(Root("LocalSetup:SeedsDirectory"), "seeds");

    private string DataDirectory() =>
        options.Value.DataDirectory ?? Path.Combine(Root("LocalSetup:DataDirectory"), ".data");

    private string Root(string setting) =>
        RepositoryRoot.Find(environment.ContentRootPath, AppContext.BaseDirectory, Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException($"Could not find the repository root (with package.json and seeds/) above {AppContext.BaseDirectory}. Set {setting}.");
}
