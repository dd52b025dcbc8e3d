using System.Globalization;

namespace TakeUp.Storage.Benchmarks;

/// <summary><c>--entities N</c> (default 5,000) and <c>--rounds R</c> (default 3).</summary>
internal sealed record BenchmarkArguments(int Entities, int Rounds)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var entities = 5_000;
        var rounds = 3;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--entities":
                    entities = Positive(args, ++i, "--entities");
                    break;
                case "--rounds":
                    rounds = Positive(args, ++i, "--rounds");
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --entities N and --rounds R.");
            }
        }

        return new BenchmarkArguments(entities, rounds);
    }

    private static int Positive(string[] args, int index, string name) =>
        index < args.Length && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} needs a positive whole number.");
}
