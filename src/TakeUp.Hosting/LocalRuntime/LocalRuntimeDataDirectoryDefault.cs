using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TakeUp.Hosting.LocalStorage;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Fills in the data directory when configuration left it unset.</summary>
internal sealed class LocalRuntimeDataDirectoryDefault(IHostEnvironment environment) : IPostConfigureOptions<LocalRuntimeOptions>
{
    public const string FolderName = ".data";

    public void PostConfigure(string? name, LocalRuntimeOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            var root = AzuriteProcess.FindEmulatorRoot(environment.ContentRootPath) ?? environment.ContentRootPath;
            options.DataDirectory = Path.Combine(root, FolderName);
        }
    }
}
