using System.ComponentModel.DataAnnotations;

namespace TakeUp.Functions.Storage;

/// <summary>Settings under <c>Storage</c>. The account itself comes from <c>AzureWebJobsStorage</c>, as for the Functions host.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// Put before every table name, so several copies of the app can share
    /// one account. Empty in production.
    /// </summary>
    [RegularExpression("^([a-z][a-z0-9]{0,9})?$",
        ErrorMessage = "Storage:NamePrefix must be empty or 1 to 10 lower-case letters and digits starting with a letter, because it begins table names.")]
    public string NamePrefix { get; set; } = "";
}
