using System.Collections.Immutable;

namespace TakeUp.Domain.Usage;

/// <summary>
/// Completed transactions for one service over some span, by channel and assisted support.
/// Immutable; counts are never negative.
/// </summary>
public sealed class ChannelCounts
{
    public static readonly ChannelCounts Empty = new(ImmutableSortedDictionary.Create<CountKey, long>(KeyOrder.Instance));

    private readonly ImmutableSortedDictionary<CountKey, long> _counts;

    private ChannelCounts(ImmutableSortedDictionary<CountKey, long> counts) => _counts = counts;

    public IEnumerable<KeyValuePair<CountKey, long>> Entries => _counts;

    public long this[CountKey key] => _counts.GetValueOrDefault(key);

    public long Total => _counts.Values.Sum();

    /// <summary>Digital transactions, assisted or not (the numerator of digital take-up).</summary>
    public long Digital => Sum(k => k.IsDigital);

    /// <summary>Digital transactions completed with assisted digital support.</summary>
    public long AssistedDigital => Sum(k => k.IsAssistedDigital);

    /// <summary>Digital transactions completed without support.</summary>
    public long IndependentDigital => Digital - AssistedDigital;

    public long ForChannel(Channel channel) => Sum(k => k.Channel == channel);

    public ChannelCounts With(CountKey key, long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new ChannelCounts(count == 0 ? _counts.Remove(key) : _counts.SetItem(key, count));
    }

    public ChannelCounts Add(CountKey key, long count) => With(key, checked(this[key] + count));

    public ChannelCounts Add(ChannelCounts other)
    {
        var result = this;
        foreach (var (key, count) in other._counts)
        {
            result = result.Add(key, count);
        }

        return result;
    }

    /// <summary>Applies reported counts: in totals mode each replaces the stored one, in increments mode it adds.</summary>
    public ChannelCounts Apply(IEnumerable<KeyValuePair<CountKey, long>> reported, CountingMode mode)
    {
        var result = this;
        foreach (var (key, count) in reported)
        {
            result = mode is CountingMode.Totals or CountingMode.Day ? result.With(key, count) : result.Add(key, count);
        }

        return result;
    }

    private long Sum(Func<CountKey, bool> predicate)
    {
        long total = 0;
        foreach (var (key, count) in _counts)
        {
            if (predicate(key))
            {
                total = checked(total + count);
            }
        }

        return total;
    }

    private sealed class KeyOrder : IComparer<CountKey>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(CountKey x, CountKey y)
        {
            var byChannel = IndexOf(Channel.All, x.Channel).CompareTo(IndexOf(Channel.All, y.Channel));
            return byChannel != 0 ? byChannel : IndexOf(AssistedSupport.All, x.Assisted).CompareTo(IndexOf(AssistedSupport.All, y.Assisted));
        }

        private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (ReferenceEquals(list[i], item))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
