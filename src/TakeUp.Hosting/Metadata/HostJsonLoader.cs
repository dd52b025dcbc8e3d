using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace TakeUp.Hosting.Metadata;

internal static class HostJsonLoader
{
    /// <summary>The app's host.json settings: the configured file, else the one beside the executable or in the content root, else the host's defaults.</summary>
    public static HostJsonSettings Load(IOptions<FunctionsHostOptions> options, IHostEnvironment environment)
    {
        var configured = options.Value.HostJsonPath;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? ReadNaming(configured)
                : throw new InvalidOperationException(
                    $"{FunctionsHostOptions.SectionName}:{nameof(FunctionsHostOptions.HostJsonPath)} is '{configured}', which does not exist. " +
                    "Point it at the app's host.json or remove the setting.");
        }

        var found = HostJson.Find(AppContext.BaseDirectory, environment.ContentRootPath);
        return found is null ? HostJsonSettings.Default : ReadNaming(found);
    }

    private static HostJsonSettings ReadNaming(string path)
    {
        try
        {
            return HostJson.Read(path);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{path} has settings this app cannot use: {ex.Message}", ex);
        }
    }
}
