using System.Globalization;

namespace TakeUp.Functions.Benchmarks;

/// <summary>
/// <c>--entities E</c> (default 5,000 entities per raw insert run), <c>--rows N</c> (default 20,000
/// usage rows per round), <c>--sessions M</c> (default 500 assisted sessions), <c>--rounds R</c>
/// (default 3, for the raw inserts and the ingestion alike) and <c>--markdown PATH</c> (write the
/// report there too).
/// </summary>
internal sealed record BenchmarkArguments(int Entities, int Rows, int Sessions, int Rounds, string? MarkdownPath)
{
    public const int DefaultRows = 20_000;
    public const int DefaultSessions = 500;
    public const int DefaultRounds = 3;

    public static BenchmarkArguments Parse(string[] args)
    {
        var entities = InsertBenchmark.DefaultEntities;
        var rows = DefaultRows;
        var sessions = DefaultSessions;
        var rounds = DefaultRounds;
        string? markdown = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--entities":
                    entities = Positive(args, ++i, "--entities");
                    break;
                case "--rows":
                    rows = Positive(args, ++i, "--rows");
                    break;
                case "--sessions":
                    sessions = Positive(args, ++i, "--sessions");
                    break;
                case "--rounds":
                    rounds = Positive(args, ++i, "--rounds");
                    break;
                case "--markdown":
                    markdown = ++i < args.Length && !string.IsNullOrWhiteSpace(args[i])
                        ? args[i]
                        : throw new ArgumentException("--markdown needs a file path.");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --entities E, --rows N, --sessions M, --rounds R and --markdown PATH.");
            }
        }

        return new BenchmarkArguments(entities, rows, sessions, rounds, markdown);
    }

    private static int Positive(string[] args, int index, string name) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number.");
}
