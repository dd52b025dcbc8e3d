namespace TakeUp.Functions.Local;

/// <summary>Settings under <c>LocalSetup</c>: what a first local start creates.</summary>
public sealed class LocalSetupOptions
{
    public const string Section = "LocalSetup";

    /// <summary>Where <c>services.csv</c> and the other seed files are; default: <c>seeds/</c> at the repository root.</summary>
    public string? SeedsDirectory { get; set; }

    /// <summary>The department whose services the development keys act for (front-line, service manager, ingest).</summary>
    public string DevKeysDepartment { get; set; } = "dwp";

    /// <summary>Where <c>dev-keys.json</c> is written; default: <c>.data/</c> at the repository root, beside the emulator's data.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether to seed and write development keys; when not set, only in the Development environment.</summary>
    public bool? Enabled { get; set; }

    public bool IsEnabled(IHostEnvironment environment) => Enabled ?? environment.IsDevelopment();
}
