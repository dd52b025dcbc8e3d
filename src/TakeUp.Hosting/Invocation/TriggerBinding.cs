using System.Text.Json;

namespace TakeUp.Hosting.Invocation;

internal static class TriggerBinding
{
    /// <summary>
    /// The trigger's value: the binding this host names in function.json, or else the only
    /// binding sent, so a hand-written function.json with another name still works.
    /// </summary>
    public static JsonElement Find(InvocationRequest request, string bindingName)
    {
        if (request.Data.TryGetValue(bindingName, out var value))
        {
            return value;
        }

        if (request.Data.Count == 1)
        {
            return request.Data.Values.Single();
        }

        var found = request.Data.Count == 0 ? "no bindings" : "bindings " + string.Join(", ", request.Data.Keys.Order(StringComparer.Ordinal));
        throw new InvocationPayloadException($"Expected the trigger value in Data.{bindingName}, but the request has {found}.");
    }
}
