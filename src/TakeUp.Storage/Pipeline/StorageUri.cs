namespace TakeUp.Storage;

internal static class StorageUri
{
    /// <summary>
    /// Drops a trailing slash from a path-style address (<c>…/devstoreaccount1/</c>), so that appending
    /// <c>/Tables</c> cannot produce <c>//Tables</c>, which signs and routes as a different path.
    /// </summary>
    public static Uri WithoutTrailingSlash(Uri uri) =>
        uri.AbsolutePath.Length > 1 && uri.AbsolutePath.EndsWith('/')
            ? new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + uri.Query)
            : uri;
}
