using TakeUp.Hosting;

namespace TakeUp.Functions.Startup;

/// <summary>
/// <c>TakeUp.Functions --write-function-metadata DIR</c>: writes host.json and one folder per
/// function with its function.json into DIR, from the same declarations the app serves. The
/// publish step runs it, so a published folder is a deployable custom-handler app.
/// </summary>
public static class FunctionMetadataCommand
{
    public const string Option = "--write-function-metadata";

    public static bool TryRun(WebApplication app, string[] args)
    {
        var index = Array.IndexOf(args, Option);
        if (index < 0)
        {
            return false;
        }

        if (index + 1 >= args.Length)
        {
            throw new ArgumentException($"{Option} needs the folder to write to, for example: {Option} ./publish");
        }

        var output = Path.GetFullPath(args[index + 1]);
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        FunctionMetadataWriter.Write(catalog, Path.Combine(AppContext.BaseDirectory, "host.json"), output);
        Console.WriteLine($"Wrote host.json and {catalog.Functions.Count} function folders to {output}");
        return true;
    }
}
