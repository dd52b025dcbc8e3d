namespace TakeUp.Functions.Benchmarks;

/// <summary>One round of the ingestion comparison: the same fresh rows, every way, in rows per second.</summary>
/// <param name="RawRowsTransactions">How many 100-entity transactions the raw-rows baseline needed.</param>
internal sealed record IngestionRound(int Round, int ServiceDays, int RawRowsTransactions, EndToEndRun EndToEnd, double RawRows, double RawRowsConcurrent, double RawDays, double ApplyReplay)
{
    public double EndToEndOverRaw => EndToEnd.RowsPerSecond / RawRows;
}
