namespace TakeUp.Domain.Usage;

/// <summary>
/// Whether a digital transaction had assisted digital support, and by which route. A feed that
/// knows a transaction was assisted but not how reports <see cref="Unspecified"/>.
/// </summary>
public sealed class AssistedSupport
{
    public static readonly AssistedSupport None = new("no", isAssisted: false);
    public static readonly AssistedSupport InPerson = new("in-person", isAssisted: true);
    public static readonly AssistedSupport Phone = new("phone", isAssisted: true);
    public static readonly AssistedSupport Webchat = new("webchat", isAssisted: true);
    public static readonly AssistedSupport Unspecified = new("yes", isAssisted: true);

    public static readonly IReadOnlyList<AssistedSupport> All = [None, InPerson, Phone, Webchat, Unspecified];

    private AssistedSupport(string name, bool isAssisted)
    {
        Name = name;
        IsAssisted = isAssisted;
    }

    /// <summary>The canonical spelling, as accepted in feeds and returned by the API.</summary>
    public string Name { get; }

    public bool IsAssisted { get; }

    /// <summary>Accepts the canonical names plus the spellings feeds commonly use for yes and no.</summary>
    public static bool TryParse(string? text, out AssistedSupport support)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "no" or "false" or "n" or "0":
                support = None;
                return true;
            case "yes" or "true" or "y" or "1":
                support = Unspecified;
                return true;
            case "in-person":
                support = InPerson;
                return true;
            case "phone":
                support = Phone;
                return true;
            case "webchat":
                support = Webchat;
                return true;
            default:
                support = None;
                return false;
        }
    }

    public static string UnknownReason(string? text) =>
        $"'{text}' is not an assisted value; use no, yes, or the support route: in-person, phone or webchat.";

    public override string ToString() => Name;
}
