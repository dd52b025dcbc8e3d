using System.Text.Json.Serialization;
using TakeUp.Hosting.Invocation;
using TakeUp.Hosting.LocalRuntime;
using TakeUp.Hosting.Metadata;

namespace TakeUp.Hosting;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(InvocationResponse))]
[JsonSerializable(typeof(FunctionJson))]
[JsonSerializable(typeof(ScheduleStatus))]
[JsonSerializable(typeof(AdminInvocationBody))]
internal sealed partial class HostingJsonContext : JsonSerializerContext
{
}
