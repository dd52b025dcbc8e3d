namespace TakeUp.Hosting.Benchmarks;

/// <summary>An app the benchmark starts: its build output and the path whose first 200 means it answers.</summary>
internal sealed record AppUnderTest(string Name, string Folder, string ReadyPath, Func<string, IReadOnlyDictionary<string, string>> Environment);

/// <summary>One cold start: host start to the first 200, the worker's own start to ready, and memory then.</summary>
internal sealed record StartMeasurement(TimeSpan FirstAnswer, WorkerStatus Worker, double WorkerMegabytes, double HostMegabytes);

/// <summary>The app's first start with the demo: memory once the history is written, and once the trend recomputations it queued have run.</summary>
internal sealed record DemoMeasurement(TimeSpan Loaded, double WorkerAfterLoadMegabytes, TimeSpan Recomputed, int Services, double WorkerMegabytes, double HostMegabytes);
