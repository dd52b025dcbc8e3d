namespace TakeUp.Hosting;

/// <summary>Where to find the app's host.json (section <c>FunctionsHost</c>).</summary>
public sealed class FunctionsHostOptions
{
    public const string SectionName = "FunctionsHost";

    /// <summary>
    /// An explicit host.json. When unset, host.json is looked for beside the app's executable
    /// (where the Functions host also reads it), then in the content root; without one, the
    /// host's defaults apply.
    /// </summary>
    public string? HostJsonPath { get; set; }
}
