using TakeUp.Domain.Assisted;

namespace TakeUp.Functions.Assisted;

/// <summary>Text a caller sent, made safe to quote back in a message (which is also logged): personal data masked, long text cut short.</summary>
public static class SafeText
{
    public const int MaxQuotedLength = 40;

    public static string Quote(string text)
    {
        var safe = PersonalDataDetector.Redact(text);
        return safe.Length <= MaxQuotedLength ? safe : string.Concat(safe.AsSpan(0, MaxQuotedLength), "…");
    }
}
