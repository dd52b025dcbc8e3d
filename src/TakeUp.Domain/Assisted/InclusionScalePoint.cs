using System.Globalization;

namespace TakeUp.Domain.Assisted;

/// <summary>
/// A point on GDS's 9-point digital inclusion scale (2014), from 1 "Never have, never will" to
/// 9 "Expert". Points 1 to 3 are the people who are offline: the Digital Inclusion Strategy's
/// target group. <c>default(InclusionScalePoint)</c> is not a point on the scale; use
/// <see cref="Of"/> or <see cref="TryParse"/>.
/// </summary>
public readonly record struct InclusionScalePoint
{
    public const int Lowest = 1;
    public const int Highest = 9;

    private static readonly string[] Names =
    [
        "Never have, never will",
        "Was online, but no longer",
        "Willing and unable",
        "Reluctantly online",
        "Learning the ropes",
        "Task specific",
        "Basic digital skills",
        "Confident",
        "Expert",
    ];

    // How front-line staff recognise each point, after GDS's descriptions of the scale's groups.
    private static readonly string[] Descriptions =
    [
        "Has never used the internet and does not want to.",
        "Used the internet in the past but has stopped.",
        "Would like to go online but cannot, for lack of skills, a device or a connection.",
        "Goes online only when there is no other way, and is not keen to.",
        "Has started to go online and is building their skills.",
        "Does one or two things online, such as e-mail, and little else.",
        "Can do most everyday things online, such as searching and filling in forms.",
        "Uses the internet confidently for most things.",
        "Can do almost anything online and could help others do it.",
    ];

    private InclusionScalePoint(int value) => Value = value;

    public static IReadOnlyList<InclusionScalePoint> All { get; } =
        Enumerable.Range(Lowest, Highest - Lowest + 1).Select(v => new InclusionScalePoint(v)).ToArray();

    /// <summary>1 to 9.</summary>
    public int Value { get; }

    /// <summary>The scale's own name for the point, e.g. "Willing and unable".</summary>
    public string Name => Value is >= Lowest and <= Highest
        ? Names[Value - 1]
        : throw new InvalidOperationException("default(InclusionScalePoint) is not a point on the scale.");

    /// <summary>What a person at this point is like, for someone choosing the point.</summary>
    public string Description => Value is >= Lowest and <= Highest
        ? Descriptions[Value - 1]
        : throw new InvalidOperationException("default(InclusionScalePoint) is not a point on the scale.");

    /// <summary>Points 1 to 3: not online, or without basic digital skills.</summary>
    public bool IsOffline => Value is >= Lowest and <= 3;

    public static InclusionScalePoint Of(int value) =>
        value is >= Lowest and <= Highest
            ? new InclusionScalePoint(value)
            : throw new ArgumentOutOfRangeException(nameof(value), value, UnknownReason(value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Accepts the text "1" to "9" exactly.</summary>
    public static bool TryParse(string? text, out InclusionScalePoint point)
    {
        if (text is { Length: 1 } && text[0] is >= '1' and <= '9')
        {
            point = new InclusionScalePoint(text[0] - '0');
            return true;
        }

        point = default;
        return false;
    }

    public static string UnknownReason(string? text) =>
        $"'{text}' is not a point on the digital inclusion scale; use a whole number from 1 (never have, never will) to 9 (expert).";

    /// <summary>The number, as accepted by <see cref="TryParse"/>; <see cref="Name"/> gives the words.</summary>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
