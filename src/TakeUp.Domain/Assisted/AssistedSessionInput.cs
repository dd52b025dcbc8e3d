namespace TakeUp.Domain.Assisted;

/// <summary>
/// One assisted session as submitted (a form, a JSON body or a line of a CSV from paper logs),
/// before validation: every field is the text sent, or null when it was left out.
/// </summary>
public sealed record AssistedSessionInput
{
    /// <summary>The 1-based position in the submission, used in error messages.</summary>
    public int Row { get; init; }

    public string? Service { get; init; }

    /// <summary>ISO 8601 with an offset, or yyyy-MM-ddTHH:mm (seconds optional) as London local time.</summary>
    public string? When { get; init; }

    public string? Route { get; init; }

    public string? HelpType { get; init; }

    public string? Provider { get; init; }

    public string? Site { get; init; }

    public string? StaffReference { get; init; }

    /// <summary>"1" to "9", or null or blank when the person was not asked.</summary>
    public string? InclusionPoint { get; init; }

    /// <summary>One entry per reason; blank entries are ignored (a trailing separator in a CSV cell, say).</summary>
    public IReadOnlyList<string>? Reasons { get; init; }

    public string? DurationMinutes { get; init; }

    public string? Outcome { get; init; }

    /// <summary>true, false, yes or no, in any case.</summary>
    public string? ShowedHowToDoItAlone { get; init; }

    public string? WouldTryAlone { get; init; }

    public string? Notes { get; init; }

    public string? SupportRequestId { get; init; }

    /// <summary>The field names used in <see cref="Usage.InputError.Field"/>: the JSON property names.</summary>
    public static class Fields
    {
        public const string Sessions = "sessions";
        public const string Service = "service";
        public const string When = "when";
        public const string Route = "route";
        public const string HelpType = "helpType";
        public const string Provider = "provider";
        public const string Site = "site";
        public const string StaffReference = "staffReference";
        public const string InclusionPoint = "inclusionPoint";
        public const string Reasons = "reasons";
        public const string DurationMinutes = "durationMinutes";
        public const string Outcome = "outcome";
        public const string ShowedHowToDoItAlone = "showedHowToDoItAlone";
        public const string WouldTryAlone = "wouldTryAlone";
        public const string Notes = "notes";
        public const string SupportRequestId = "supportRequestId";
    }
}
