using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace TakeUp.Functions.Pages.Assets;

/// <summary>One file the pages use, read once: its bytes, type and a hash of its content.</summary>
public sealed record AssetFile(string Path, byte[] Content, string ContentType, string Hash)
{
    public string ETag => $"\"{Hash}\"";
}

/// <summary>
/// The files under <c>assets/</c> in the app's output (GOV.UK Frontend's CSS, JavaScript, fonts and
/// images, and our own two small files), listed and read when the app starts. Only a listed file is
/// ever served, so no path a caller sends can reach anything else.
/// </summary>
public sealed class AssetFiles
{
    private readonly FrozenDictionary<string, AssetFile> _files;

    public AssetFiles()
        : this(Path.Combine(AppContext.BaseDirectory, "assets"))
    {
    }

    public AssetFiles(string root)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        _files = (Directory.Exists(root) ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories) : [])
            .Where(f => !f.EndsWith(".map", StringComparison.Ordinal))
            .Select(file =>
            {
                var relative = System.IO.Path.GetRelativePath(root, file).Replace('\\', '/');
                var content = File.ReadAllBytes(file);
                var type = types.TryGetContentType(file, out var t) ? t : "application/octet-stream";
                if (type.StartsWith("text/", StringComparison.Ordinal) || type is "application/javascript" or "text/javascript" or "application/json")
                {
                    type += "; charset=utf-8";
                }

                return new AssetFile(relative, content, type, Convert.ToHexStringLower(SHA256.HashData(content))[..16]);
            })
            .ToFrozenDictionary(f => f.Path, StringComparer.Ordinal);
    }

    public int Count => _files.Count;

    public AssetFile? Find(string path) => _files.GetValueOrDefault(path);

    /// <summary>The address of a file with its content hash, so it can be cached for a year and still change on upgrade.</summary>
    public string Url(string path) => _files.TryGetValue(path, out var file)
        ? $"/assets/{path}?v={file.Hash}"
        : throw new InvalidOperationException($"There is no asset '{path}' in the app's output; is govuk-frontend installed (npm ci)?");

    /// <summary>Fonts and images carry their version in their names; other files are immutable only when asked for by hash.</summary>
    public static bool IsFingerprinted(string path) =>
        path.StartsWith("fonts/", StringComparison.Ordinal) || path.StartsWith("images/", StringComparison.Ordinal);
}
