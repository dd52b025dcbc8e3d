using Azure.Data.Tables;
using TakeUp.Domain.Usage;

namespace TakeUp.Functions.Usage;

/// <summary>
/// Maps each count key to a table property name (`c_online`, `c_online__in_person`,
/// `c_face_to_face`), since property names cannot hold hyphens.
/// </summary>
public static class CountProperties
{
    private const string Prefix = "c_";

    private static readonly Dictionary<CountKey, string> NameByKey = BuildNames();
    private static readonly Dictionary<string, CountKey> KeyByName = NameByKey.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string NameOf(CountKey key) => NameByKey[key];

    /// <summary>Every count a day can hold.</summary>
    public static IReadOnlyCollection<CountKey> AllKeys => NameByKey.Keys;

    public static ChannelCounts Read(TableEntity entity)
    {
        var counts = ChannelCounts.Empty;
        foreach (var (name, _) in entity)
        {
            if (KeyByName.TryGetValue(name, out var key) && entity.GetInt64(name) is { } count)
            {
                counts = counts.With(key, count);
            }
        }

        return counts;
    }

    /// <summary>Writes every known key, zero included, so a merge also clears counts restated to zero.</summary>
    public static void Write(ChannelCounts counts, TableEntity entity)
    {
        foreach (var (key, name) in NameByKey)
        {
            entity[name] = counts[key];
        }
    }

    /// <summary>For each count a totals batch set, the order of the submission that set it (<c>o_online</c> beside <c>c_online</c>).</summary>
    public static Dictionary<CountKey, string> ReadOrders(TableEntity entity)
    {
        var orders = new Dictionary<CountKey, string>();
        foreach (var (key, name) in NameByKey)
        {
            if (entity.GetString(OrderPrefix + name[Prefix.Length..]) is { } order)
            {
                orders[key] = order;
            }
        }

        return orders;
    }

    public static void WriteOrders(IReadOnlyDictionary<CountKey, string> orders, TableEntity entity)
    {
        foreach (var (key, order) in orders)
        {
            entity[OrderPrefix + NameByKey[key][Prefix.Length..]] = order;
        }
    }

    private const string OrderPrefix = "o_";

    private static Dictionary<CountKey, string> BuildNames()
    {
        var names = new Dictionary<CountKey, string>();
        foreach (var channel in Channel.All)
        {
            foreach (var assisted in AssistedSupport.All)
            {
                if (assisted.IsAssisted && !channel.IsDigital)
                {
                    continue;
                }

                var name = Prefix + Safe(channel.Name) + (assisted.IsAssisted ? "__" + Safe(assisted.Name) : "");
                names[new CountKey(channel, assisted)] = name;
            }
        }

        return names;
    }

    private static string Safe(string name) => name.Replace('-', '_');
}
