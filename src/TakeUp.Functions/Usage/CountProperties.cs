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
