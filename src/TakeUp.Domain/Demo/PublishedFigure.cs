using System.Globalization;
using System.Text.RegularExpressions;
using TakeUp.Domain.Services;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Demo;

/// <summary>What a published figure counts (the <c>measure</c> column of seeds/published-figures.csv).</summary>
public enum FigureMeasure
{
    /// <summary><c>digital-take-up</c>: the share of completed transactions done digitally.</summary>
    DigitalTakeUp,

    /// <summary><c>digital-share-of-applicants</c>: the share of applicants who came in through digital channels.</summary>
    DigitalShareOfApplicants,

    /// <summary><c>applications</c>: a count of applications over the period.</summary>
    Applications,
}

/// <summary>How a figure was worded: as it stands, as a lower bound ("over", "above"), or as a round figure ("around").</summary>
public enum FigureBound
{
    Exact,
    AtLeast,
    About,
}

/// <summary>
/// One figure the seed documents publish for a service (a row of seeds/published-figures.csv):
/// the demo history is calibrated to reproduce it.
/// </summary>
public sealed partial record PublishedFigure(
    ServiceId Service,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    FigureMeasure Measure,
    double Value,
    string Source,
    string Quote)
{
    /// <summary>How close a share must come: one percentage point.</summary>
    public const double ShareTolerance = 0.01;

    /// <summary>How close a count must come, as a fraction of it.</summary>
    public const double CountTolerance = 0.01;

    /// <summary>How far above a lower-bound count ("over 2 million") the demo may go.</summary>
    public const double CountHeadroom = 0.05;

    /// <summary>Read from the quote: the word just before the figure's number ("over 30%", "around 35%").</summary>
    public FigureBound Bound => BoundIn(Quote, Measure, Value);

    public bool IsShare => Measure != FigureMeasure.Applications;

    /// <summary>The measure's name as in the CSV.</summary>
    public string MeasureName => NameOf(Measure);

    /// <summary>
    /// The value the demo aims for: the figure itself, or, for "over X", just above X (half a
    /// percentage point for a share, 2% for a count), so that a figure read back is over X too.
    /// </summary>
    public double Aim => Bound == FigureBound.AtLeast
        ? IsShare ? Value + ShareTolerance / 2 : Value * 1.02
        : Value;

    /// <summary>
    /// Whether a generated value reproduces the figure: a share within one percentage point (and at
    /// least the figure when it reads "over"); a count within 1% ("around" or exact), or from the
    /// figure to 5% above it ("over").
    /// </summary>
    public bool IsReproducedBy(double generated)
    {
        if (double.IsNaN(generated))
        {
            return false;
        }

        if (IsShare)
        {
            return Math.Abs(generated - Value) <= ShareTolerance && (Bound != FigureBound.AtLeast || generated >= Value);
        }

        return Bound == FigureBound.AtLeast
            ? generated >= Value && generated <= Value * (1 + CountHeadroom)
            : Math.Abs(generated - Value) <= Value * CountTolerance;
    }

    /// <summary>
    /// The value of this figure's measure in generated counts over its period. A share is
    /// independent digital take-up (digital without assisted digital, over all transactions: see
    /// docs/demo.md for why); a count of applications is the service's digital transactions.
    /// </summary>
    public double MeasureIn(ChannelCounts period) =>
        IsShare
            ? period.Total == 0 ? double.NaN : (double)period.IndependentDigital / period.Total
            : period.Digital;

    public static string NameOf(FigureMeasure measure) => measure switch
    {
        FigureMeasure.DigitalTakeUp => "digital-take-up",
        FigureMeasure.DigitalShareOfApplicants => "digital-share-of-applicants",
        _ => "applications",
    };

    public static bool TryParseMeasure(string? text, out FigureMeasure measure)
    {
        foreach (var candidate in Enum.GetValues<FigureMeasure>())
        {
            if (NameOf(candidate) == text)
            {
                measure = candidate;
                return true;
            }
        }

        measure = FigureMeasure.DigitalTakeUp;
        return false;
    }

    /// <summary>
    /// Finds the figure's number as the quote writes it (<c>30%</c>, <c>19.2%</c>, <c>half</c>,
    /// <c>80,000</c>, <c>2 million</c>) and reads the word before it: "over", "above" or "more than"
    /// make a lower bound; "around", "approximately", "about" or "nearly" a round figure. A number the
    /// quote does not contain, or any other word, leaves the figure exact.
    /// </summary>
    public static FigureBound BoundIn(string quote, FigureMeasure measure, double value)
    {
        ArgumentNullException.ThrowIfNull(quote);
        foreach (var wording in Wordings(measure, value))
        {
            var at = FindWhole(quote, wording);
            if (at < 0)
            {
                continue;
            }

            var before = LastWords().Match(quote[..at]);
            var word = before.Success ? before.Groups["word"].Value.ToLowerInvariant() : "";
            var twoWords = before.Success ? before.Value.Trim().ToLowerInvariant() : "";
            return word switch
            {
                "over" or "above" => FigureBound.AtLeast,
                "than" when twoWords.EndsWith("more than", StringComparison.Ordinal) => FigureBound.AtLeast,
                "around" or "approximately" or "about" or "nearly" or "roughly" => FigureBound.About,
                _ => FigureBound.Exact,
            };
        }

        return FigureBound.Exact;
    }

    private static IEnumerable<string> Wordings(FigureMeasure measure, double value)
    {
        if (measure == FigureMeasure.Applications)
        {
            yield return value.ToString("#,0", CultureInfo.InvariantCulture);
            if (value >= 1_000_000)
            {
                yield return (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + " million";
            }

            yield return value.ToString("0", CultureInfo.InvariantCulture);
            yield break;
        }

        yield return (value * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
        if (value == 0.5)
        {
            yield return "half";
        }
    }

    /// <summary>Where the wording first stands on its own (not inside a longer number), or -1.</summary>
    private static int FindWhole(string text, string wording)
    {
        for (var at = text.IndexOf(wording, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(wording, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var startsClean = at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == ',');
            var end = at + wording.Length;
            var endsClean = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (startsClean && endsClean)
            {
                return at;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"(?:\p{L}+\s+)?(?<word>\p{L}+)\s*\(?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LastWords();
}

/// <summary>A row of seeds/published-figures.csv as text, before it is checked.</summary>
public sealed record PublishedFigureInput(
    int Row,
    string? Service,
    string? PeriodStart,
    string? PeriodEnd,
    string? Measure,
    string? Value,
    string? Source,
    string? Quote);

/// <summary>Checks published figures, reporting every problem with its row and field.</summary>
public static class PublishedFigureReader
{
    public static (PublishedFigure? Figure, IReadOnlyList<InputError> Errors) Read(PublishedFigureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<InputError>();
        void Error(string field, string reason) => errors.Add(new InputError(input.Row, field, reason));

        if (!ServiceId.TryParse(input.Service, out var service))
        {
            Error("service", ServiceId.Rule(input.Service));
        }

        var start = DemoFields.Date(input.PeriodStart, "period_start", Error);
        var end = DemoFields.Date(input.PeriodEnd, "period_end", Error);
        if (start is not null && end is not null && end < start)
        {
            Error("period_end", $"The period ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }

        var measureKnown = PublishedFigure.TryParseMeasure(input.Measure, out var measure);
        if (!measureKnown)
        {
            Error("measure", $"'{input.Measure}' is not a measure; use digital-take-up, digital-share-of-applicants or applications.");
        }

        var value = DemoFields.Number(input.Value, "value", Error);
        if (value is null && string.IsNullOrWhiteSpace(input.Value))
        {
            Error("value", "The figure's value is required.");
        }
        else if (measureKnown && value is { } v && (measure == FigureMeasure.Applications ? v <= 0 : v is < 0 or > 1))
        {
            Error("value", measure == FigureMeasure.Applications
                ? $"A count of applications must be positive, not {input.Value}."
                : $"A share is from 0 to 1 (45% is 0.45), not {input.Value}.");
        }

        if (string.IsNullOrWhiteSpace(input.Source))
        {
            Error("source", "The seed document the figure comes from is required.");
        }

        if (string.IsNullOrWhiteSpace(input.Quote))
        {
            Error("quote", "The sentence the figure comes from is required.");
        }

        return errors.Count > 0
            ? (null, errors)
            : (new PublishedFigure(service, start!.Value, end!.Value, measure, value!.Value, input.Source!.Trim(), input.Quote!.Trim()), errors);
    }
}
