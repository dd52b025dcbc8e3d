using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace TakeUp.Functions.Http;

/// <summary>
/// The method behind each function, found from its entry point (<c>Namespace.Class.Method</c>), so
/// the middleware can read what the function declares next to itself: who may call it
/// (<c>[Authorize]</c>), whether it honours Idempotency-Key, how large a body it takes.
/// </summary>
public sealed class FunctionMethods
{
    private readonly ConcurrentDictionary<string, MethodInfo> _byEntryPoint = new(StringComparer.Ordinal);

    public MethodInfo For(FunctionContext context) =>
        _byEntryPoint.GetOrAdd(context.FunctionDefinition.EntryPoint, Find);

    public bool IsIdempotent(FunctionContext context) => For(context).GetCustomAttribute<IdempotentAttribute>() is not null;

    public long MaxRequestBodyBytes(FunctionContext context) =>
        For(context).GetCustomAttribute<MaxRequestBodySizeAttribute>()?.Bytes ?? MaxRequestBodySizeAttribute.DefaultBytes;

    public IReadOnlyList<string> QueryParameters(FunctionContext context) =>
        For(context).GetCustomAttribute<QueryParametersAttribute>()?.Names ?? [];

    public static IEnumerable<MethodInfo> All(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null);

    private static MethodInfo Find(string entryPoint)
    {
        var split = entryPoint.LastIndexOf('.');
        var type = typeof(FunctionMethods).Assembly.GetType(entryPoint[..split], throwOnError: true)!;
        return type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Single(m => m.Name == entryPoint[(split + 1)..] && m.GetCustomAttribute<FunctionAttribute>() is not null);
    }
}
