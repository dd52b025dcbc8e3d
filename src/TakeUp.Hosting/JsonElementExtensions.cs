using System.Text.Json;

namespace TakeUp.Hosting;

internal static class JsonElementExtensions
{
    /// <summary>
    /// A property looked up exact-case first, then ignoring case: the Functions host writes
    /// PascalCase but reads its own JSON case-insensitively, and so must we.
    /// </summary>
    public static bool TryGetPropertyIgnoreCase(this JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty(name, out value))
            {
                return true;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }

        value = default;
        return false;
    }
}
