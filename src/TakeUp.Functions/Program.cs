using TakeUp.Functions.Startup;
using TakeUp.Hosting;


var builder = WebApplication.CreateBuilder(args);
builder.UseFunctionsHostUrls();
builder.Services.AddTakeUp(builder.Configuration);

var app = builder.Build();
app.MapTakeUp();

if (FunctionMetadataCommand.TryRun(app, args))
{
    return;
}

app.Run();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
