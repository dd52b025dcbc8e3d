namespace TakeUp.Domain.Demo;

/// <summary>Whole numbers shared out by weight so that the parts add up exactly.</summary>
public static class LargestRemainder
{
    /// <summary>Shares out a whole number by weight, largest remainders first, ties to the earlier item.</summary>
    public static void Split(long total, ReadOnlySpan<double> weights, Span<long> parts)
    {
        parts.Clear();
        var sum = 0.0;
        foreach (var w in weights)
        {
            sum += w;
        }

        if (total <= 0 || sum <= 0)
        {
            return;
        }

        Span<double> remainders = stackalloc double[weights.Length];
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (long)Math.Floor(exact);
            remainders[i] = weights[i] > 0 ? exact - parts[i] : -1;
            given += parts[i];
        }

        for (var left = total - given; left > 0; left--)
        {
            var best = 0;
            for (var i = 1; i < weights.Length; i++)
            {
                if (remainders[i] > remainders[best])
                {
                    best = i;
                }
            }

            parts[best]++;
            remainders[best] = -1;
        }
    }
}
