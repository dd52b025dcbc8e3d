using Microsoft.Extensions.Configuration;

namespace TakeUp.Hosting.LocalRuntime;

/// <summary>Whether the app's storage setting asks for the local emulator.</summary>
internal static class StorageEmulatorSetting
{
    public const string SettingName = FunctionMetadataWriter.StorageConnection;
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    /// <summary>The storage setting, from the configuration root (as the Functions host reads it) or ConnectionStrings.</summary>
    public static string? Read(IConfiguration configuration) =>
        configuration[SettingName] is { Length: > 0 } value ? value : configuration.GetConnectionString(SettingName);

    public static bool IsDevelopmentStorage(string? setting) =>
        string.Equals(setting?.Trim(), DevelopmentStorage, StringComparison.OrdinalIgnoreCase);
}
