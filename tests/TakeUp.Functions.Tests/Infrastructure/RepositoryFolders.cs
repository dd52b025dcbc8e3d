using TakeUp.Functions.Local;

namespace TakeUp.Functions.Tests.Infrastructure;

public static class RepositoryFolders
{
    public static string Root { get; } = RepositoryRoot.Find(AppContext.BaseDirectory, Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException("Could not find the repository root (package.json with azurite) above the test folder.");
}
