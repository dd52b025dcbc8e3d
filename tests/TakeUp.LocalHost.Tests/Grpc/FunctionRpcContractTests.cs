using System.Reflection;
using Google.Protobuf.Reflection;

namespace TakeUp.LocalHost.Tests.Grpc;

/// <summary>
/// Our own minimal function_rpc.proto must say on the wire what the worker's does: for every
/// message and field we declare, the worker version the app uses has the same name, number and
/// type. Read from the file descriptor embedded in Microsoft.Azure.Functions.Worker.Grpc.
/// </summary>
public class FunctionRpcContractTests
{
    [Fact]
    public void Every_message_and_field_we_declare_matches_the_workers_protocol()
    {
        var ours = TakeUp.LocalHost.Grpc.Protocol.FunctionRpcReflection.Descriptor;
        var theirs = WorkersDescriptor();

        Assert.Equal(theirs.Package, ours.Package);
        var upstreamMessages = AllMessages(theirs.MessageTypes).ToDictionary(m => m.FullName, StringComparer.Ordinal);
        var checkedFields = 0;
        foreach (var message in AllMessages(ours.MessageTypes))
        {
            var upstream = upstreamMessages.GetValueOrDefault(message.FullName);
            Assert.True(upstream is not null, $"the worker's protocol has no message {message.FullName}");
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                var match = upstream!.FindFieldByNumber(field.FieldNumber);
                Assert.True(match is not null, $"{message.FullName}.{field.Name} = {field.FieldNumber} is not a field of the worker's {message.FullName}");
                Assert.Equal(match!.Name, field.Name);
                Assert.Equal(match.FieldType, field.FieldType);
                Assert.Equal(match.IsRepeated, field.IsRepeated);
                Assert.Equal(match.IsMap, field.IsMap);
                checkedFields++;
            }
        }

        Assert.True(checkedFields > 50, $"only {checkedFields} fields were compared");
        var service = Assert.Single(ours.Services);
        Assert.Contains(theirs.Services, s => s.FullName == service.FullName);
    }

    private static IEnumerable<MessageDescriptor> AllMessages(IEnumerable<MessageDescriptor> messages) =>
        messages.SelectMany(m => AllMessages(m.NestedTypes).Prepend(m));

    /// <summary>The worker's generated reflection class is internal: found by its descriptor property.</summary>
    private static FileDescriptor WorkersDescriptor()
    {
        var assembly = Assembly.Load("Microsoft.Azure.Functions.Worker.Grpc");
        var reflection = assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .FirstOrDefault(d => d.Services.Any(s => s.Name == "FunctionRpc"));
        return reflection ?? throw new InvalidOperationException("No FunctionRpc file descriptor in Microsoft.Azure.Functions.Worker.Grpc.");
    }
}
