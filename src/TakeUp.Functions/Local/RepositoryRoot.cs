namespace TakeUp.Functions.Local;

/// <summary>
/// The repository a local run comes from: the folder whose <c>package.json</c> pins the storage
/// emulator, found by walking up from the app's folders. It holds <c>seeds/</c> and <c>.data/</c>.
/// </summary>
public static class RepositoryRoot
{
    public static string? Find(params string?[] startFolders)
    {
        foreach (var start in startFolders)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var packageJson = Path.Combine(dir.FullName, "package.json");
                if (File.Exists(packageJson) && File.ReadAllText(packageJson).Contains("\"azurite\"", StringComparison.Ordinal))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
