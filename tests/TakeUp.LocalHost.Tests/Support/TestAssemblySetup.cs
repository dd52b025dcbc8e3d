using System.Reflection;
using System.Runtime.CompilerServices;
using TakeUp.LocalHost.SampleApp;

// The in-process worker, the local host and Azurite share 2 cores: run tests one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace TakeUp.LocalHost.Tests.Support;

internal static class TestAssemblySetup
{
    /// <summary>
    /// The worker finds its source-generated metadata and executor through the entry assembly, and
    /// on 2 cores its first requests stall until the thread pool grows: both settled once, here.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Assembly.SetEntryAssembly(typeof(SampleAppHost).Assembly);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), Math.Max(io, 16));
    }
}
