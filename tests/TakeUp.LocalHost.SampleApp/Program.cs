using Microsoft.Extensions.Hosting;
using TakeUp.LocalHost.SampleApp;

// A Program of a page: the tests build the same host through SampleAppHost.
await SampleAppHost.CreateBuilder(args).Build().RunAsync();
