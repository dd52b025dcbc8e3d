using System.Globalization;

namespace TakeUp.Hosting.Benchmarks;

/// <summary><c>--rounds R</c> (default 5 cold starts of each app after a warm-up) and <c>--markdown PATH</c>.</summary>
internal sealed record BenchmarkArguments(int Rounds, string? MarkdownPath, bool Help)
{
    public const string Usage = """
        Cold start and memory of the app under the local Functions host, against an empty isolated worker.
          --rounds R        cold starts of each app after one warm-up (default 5; medians are reported)
          --markdown PATH   also write the report to PATH
        Build with -c Release: dotnet run -c Release --project benchmarks/TakeUp.Hosting.Benchmarks
        """;

    public static BenchmarkArguments Parse(string[] args)
    {
        var rounds = 5;
        string? markdown = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds":
                    rounds = ++i < args.Length && int.TryParse(args[i], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0
                        ? r
                        : throw new ArgumentException("--rounds needs a positive whole number.");
                    break;
                case "--markdown":
                    markdown = ++i < args.Length && !string.IsNullOrWhiteSpace(args[i]) ? args[i] : throw new ArgumentException("--markdown needs a file path.");
                    break;
                case "--help" or "-h":
                    return new BenchmarkArguments(rounds, markdown, Help: true);
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }

        return new BenchmarkArguments(rounds, markdown, Help: false);
    }
}
