using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.OpenApi;

/// <summary>An HTTP-triggered function as its declaration states it: name, route, methods.</summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, MethodInfo Method)
{
    /// <summary>The API's functions: pages (<see cref="Pages.Rendering.PageAttribute"/>) are for people and not described here.</summary>
    public static IEnumerable<HttpFunction> All(Assembly assembly) => Every(assembly).Where(f => f.Method.GetCustomAttribute<Pages.Rendering.PageAttribute>() is null);

    /// <summary>Every HTTP function, pages included.</summary>
    public static IEnumerable<HttpFunction> Every(Assembly assembly)
    {
        foreach (var method in FunctionMethods.All(assembly))
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            if (trigger is not null)
            {
                var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
                yield return new HttpFunction(name, trigger.Route ?? name, (trigger.Methods ?? ["get", "post"]).Select(m => m.ToLowerInvariant()).ToList(), method);
            }
        }
    }
}
