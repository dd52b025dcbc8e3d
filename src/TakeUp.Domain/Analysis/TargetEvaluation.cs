namespace TakeUp.Domain.Analysis;

/// <summary>
/// One rule's verdict on a service, with a sentence a service manager understands and the numbers behind
/// it. Shares in <see cref="Figures"/> are 0 to 1; each name says its unit where it is not a share.
/// </summary>
/// <param name="Rule">The rule's name, e.g. <c>digital-take-up</c>; stable, used as a key for alerts.</param>
/// <param name="Figures">Named numbers, in a fixed order per rule; a null value is a number that could not be worked out.</param>
public sealed record TargetEvaluation(string Rule, TargetStatus Status, string Reason, IReadOnlyList<KeyValuePair<string, double?>> Figures)
{
    /// <summary>The figure with this name; throws when the rule gives no such figure.</summary>
    public double? Figure(string name)
    {
        foreach (var (key, value) in Figures)
        {
            if (key == name)
            {
                return value;
            }
        }

        throw new KeyNotFoundException($"The {Rule} evaluation has no figure named '{name}'; it has: {string.Join(", ", Figures.Select(f => f.Key))}.");
    }
}
