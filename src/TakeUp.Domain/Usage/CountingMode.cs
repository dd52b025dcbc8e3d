namespace TakeUp.Domain.Usage;

/// <summary>How a reported count combines with what is already stored for the same day and key.</summary>
public enum CountingMode
{
    /// <summary>The report is the whole day's figure: it replaces the stored one (a restatement).</summary>
    Totals,

    /// <summary>The report is new transactions: it adds to the stored figure.</summary>
    Increments,
}
