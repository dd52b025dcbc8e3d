using System.Diagnostics;

namespace TakeUp.Hosting.Tests.Support;

/// <summary>Bounded polling for outcomes produced in the background.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    public static async Task Until(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            if (waited.Elapsed > Limit)
            {
                Assert.Fail($"Gave up after {Limit.TotalSeconds:0} s waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}
