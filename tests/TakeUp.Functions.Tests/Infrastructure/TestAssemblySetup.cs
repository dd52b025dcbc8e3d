using System.Reflection;
using System.Runtime.CompilerServices;
using TakeUp.Functions.Startup;

namespace TakeUp.Functions.Tests.Infrastructure;

internal static class TestAssemblySetup
{
    /// <summary>
    /// The worker finds its source-generated function metadata and executor through the entry
    /// assembly (without it, it falls back to reflection and stalls), and on 2 cores its first
    /// requests wait until the thread pool grows: both set once, for the whole run.
    /// </summary>
    [ModuleInitializer]
    internal static void Initialize()
    {
        Assembly.SetEntryAssembly(typeof(TakeUpWorker).Assembly);
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
