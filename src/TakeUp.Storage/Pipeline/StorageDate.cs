using System.Globalization;

namespace TakeUp.Storage;

internal static class StorageDate
{
    /// <summary>The RFC 1123 form the services use in <c>x-ms-date</c> and in queue message times.</summary>
    public static string ToRfc1123(DateTimeOffset value) => value.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseRfc1123(string value) =>
        DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
