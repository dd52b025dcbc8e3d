namespace TakeUp.Domain.Usage;

/// <summary>
/// A way a transaction reaches a service. The list is closed (design invariant 3): each channel
/// knows whether it is digital, and `api` counts as digital, unlike the old Performance Platform.
/// </summary>
public sealed class Channel
{
    public static readonly Channel Online = new("online", isDigital: true);
    public static readonly Channel Api = new("api", isDigital: true);
    public static readonly Channel Phone = new("phone", isDigital: false);
    public static readonly Channel Paper = new("paper", isDigital: false);
    public static readonly Channel FaceToFace = new("face-to-face", isDigital: false);
    public static readonly Channel Other = new("other", isDigital: false);

    public static readonly IReadOnlyList<Channel> All = [Online, Api, Phone, Paper, FaceToFace, Other];

    private Channel(string name, bool isDigital)
    {
        Name = name;
        IsDigital = isDigital;
    }

    public string Name { get; }

    public bool IsDigital { get; }

    public static bool TryParse(string? name, out Channel channel)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                channel = candidate;
                return true;
            }
        }

        channel = Other;
        return false;
    }

    public static Channel Parse(string name) =>
        TryParse(name, out var channel) ? channel : throw new ArgumentException(UnknownReason(name), nameof(name));

    public static string UnknownReason(string? name) =>
        $"'{name}' is not a channel; use one of: {string.Join(", ", All.Select(c => c.Name))}.";

    public override string ToString() => Name;
}
