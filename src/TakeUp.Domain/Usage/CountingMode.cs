namespace TakeUp.Domain.Usage;

/// <summary>How a reported count combines with what is already stored for the same day and key.</summary>
public enum CountingMode
{
    /// <summary>The report is the whole day's figure: it replaces the stored one (a restatement).</summary>
    Totals,

    /// <summary>The report is new transactions: it adds to the stored figure.</summary>
    Increments,

    /// <summary>
    /// The report is the whole day: each service-day it names is replaced entirely, a count it
    /// leaves out becoming zero (where <see cref="Totals"/> replaces only the counts it names).
    /// </summary>
    Day,
}
