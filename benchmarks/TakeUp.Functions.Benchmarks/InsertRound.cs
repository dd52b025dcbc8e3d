namespace TakeUp.Functions.Benchmarks;

/// <summary>One round of the raw SDK comparison: the same entities inserted both ways, in entities per second.</summary>
internal sealed record InsertRound(int Round, int Entities, double Single, double Batch)
{
    public double BatchOverSingle => Batch / Single;
}
