using System.Globalization;

namespace TakeUp.Trends.Benchmarks;

/// <summary>
/// <c>--services N</c> (default 2,000), <c>--years Y</c> (default 3), <c>--markdown PATH</c> (write the
/// report there too), <c>--budget-minutes M</c> (default 22: the whole run is planned to fit) and
/// <c>--seed-minutes S</c> (default 15: seeding alone is planned to fit). N is an upper bound: when
/// the plan says N services would not fit, fewer are seeded and the report says so.
/// </summary>
internal sealed record BenchmarkArguments(int Services, int Years, string? MarkdownPath, int BudgetMinutes, int SeedMinutes)
{
    public const int DefaultServices = 2_000;
    public const int DefaultYears = 3;
    public const int DefaultBudgetMinutes = 22;
    public const int DefaultSeedMinutes = 15;

    public static BenchmarkArguments Parse(string[] args)
    {
        var services = DefaultServices;
        var years = DefaultYears;
        var budget = DefaultBudgetMinutes;
        var seed = DefaultSeedMinutes;
        string? markdown = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--services":
                    services = Positive(args, ++i, "--services", 9_999);
                    break;
                case "--years":
                    years = Positive(args, ++i, "--years", AppShapes.HistoryYears);
                    break;
                case "--budget-minutes":
                    budget = Positive(args, ++i, "--budget-minutes", 240);
                    break;
                case "--seed-minutes":
                    seed = Positive(args, ++i, "--seed-minutes", 240);
                    break;
                case "--markdown":
                    markdown = ++i < args.Length && !string.IsNullOrWhiteSpace(args[i])
                        ? args[i]
                        : throw new ArgumentException("--markdown needs a file path.");
                    break;
                default:
                    throw new ArgumentException(
                        $"Unknown argument '{args[i]}'. Use --services N, --years Y, --markdown PATH, --budget-minutes M and --seed-minutes S.");
            }
        }

        return new BenchmarkArguments(services, years, markdown, budget, Math.Min(seed, budget));
    }

    private static int Positive(string[] args, int index, string name, int max) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= max
            ? value
            : throw new ArgumentException($"{name} needs a whole number from 1 to {max:N0}.");
}
