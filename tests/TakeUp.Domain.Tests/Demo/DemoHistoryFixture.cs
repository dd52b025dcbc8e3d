using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TakeUp.Domain.Demo;

namespace TakeUp.Domain.Tests.Demo;

/// <summary>The demo history for the default seed and the test clock's date, generated once for the tests that only read it.</summary>
public sealed class DemoHistoryFixture
{
    public DemoHistory History { get; } = DemoSeeds.Generate();

    /// <summary>Every day's counts and every session, written out in a fixed text form and hashed.</summary>
    public static string Fingerprint(DemoHistory history)
    {
        using var sha = SHA256.Create();
        var text = new StringBuilder();
        void Flush()
        {
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
            text.Clear();
        }

        foreach (var service in history.Services)
        {
            foreach (var day in service.Days)
            {
                text.Append(service.Service.Id.Value).Append(' ').Append(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var (key, count) in day.Counts.Entries)
                {
                    text.Append(' ').Append(key.Channel.Name).Append('/').Append(key.Assisted.Name).Append('=').Append(count.ToString(CultureInfo.InvariantCulture));
                }

                text.Append('\n');
                if (text.Length > 1 << 16)
                {
                    Flush();
                }
            }

            foreach (var s in service.Sessions)
            {
                text.Append(string.Join('|',
                    s.Id, s.Service, s.When.ToString("O", CultureInfo.InvariantCulture), s.Route.Name, s.HelpType.Name, s.Provider, s.Site,
                    s.StaffReference, s.InclusionPoint?.Value, string.Join(';', s.Reasons.Select(r => r.Name)), s.DurationMinutes, s.Outcome.Name,
                    s.ShowedHowToDoItAlone, s.WouldTryAlone.Name, s.Notes)).Append('\n');
            }

            Flush();
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!);
    }
}
