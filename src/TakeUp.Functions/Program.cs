using TakeUp.Functions.Auth;
using TakeUp.Functions.Startup;

var host = TakeUpWorker.CreateBuilder(args).Build();
if (await KeysCommand.TryRunAsync(host, args) is { } exitCode)
{
    return exitCode;
}

await host.RunAsync();
return 0;
