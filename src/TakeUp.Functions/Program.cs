using TakeUp.Functions.Auth;
using TakeUp.Functions.Startup;
using TakeUp.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseFunctionsHostUrls();
builder.Services.AddTakeUp(builder.Configuration);

var app = builder.Build();
app.MapTakeUp();

if (FunctionMetadataCommand.TryRun(app, args))
{
    return 0;
}

if (await KeysCommand.TryRunAsync(app, args) is { } exitCode)
{
    return exitCode;
}

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
