using TakeUp.LocalHost.Configuration;

namespace TakeUp.LocalHost;

/// <summary>The settled facts of one run: the app, its settings, and where things live.</summary>
internal sealed record LocalHostRuntime(
    FunctionAppFolder App,
    AppSettings Settings,
    string DataDirectory,
    Uri GrpcEndpoint,
    LocalFunctionsHostOptions Options)
{
    public const int GrpcMaxMessageLength = int.MaxValue;

    public HostJsonSettings HostJson => App.HostJson;
}
