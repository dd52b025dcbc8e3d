using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using TakeUp.Functions.Http;

namespace TakeUp.Functions.OpenApi;

/// <summary>
/// The OpenAPI 3.1 description of every HTTP function, read from the functions themselves: the
/// route and methods of each <c>[HttpTrigger]</c>, the body its <c>[RequestBody]</c> names, the
/// answers its return type (<c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>) can give, and whether it
/// needs a key.
/// </summary>
/// <remarks>
/// Written here because Microsoft.AspNetCore.OpenApi describes ASP.NET Core endpoints, and
/// functions are not endpoints; the schemas come from System.Text.Json's own exporter, with the
/// same web options the responses are written with.
/// </remarks>
public static partial class OpenApiDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    public static JsonObject Build(Assembly assembly)
    {
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var function in HttpFunction.All(assembly).Where(f => f.Route.StartsWith("api/", StringComparison.Ordinal)))
        {
            var path = "/" + OptionalOrConstrained().Replace(function.Route, "{$1}");
            if (!paths.TryGetValue(path, out var item))
            {
                paths[path] = item = [];
            }

            foreach (var method in function.Methods)
            {
                item[method] = Operation(function, path);
            }
        }

        var pathsNode = new JsonObject();
        foreach (var (path, item) in paths)
        {
            pathsNode[path] = item;
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "Digital take-up and assisted digital support",
                ["version"] = "1",
                ["description"] = "Records channel usage and assisted digital support per service and reports digital take-up (docs/api.md).",
            },
            ["paths"] = pathsNode,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "X-Api-Key", ["description"] = "Or 'Authorization: ApiKey tu_…' (docs/access.md)." },
                },
            },
        };
    }

    private static JsonObject Operation(HttpFunction function, string path)
    {
        var operation = new JsonObject { ["operationId"] = function.Name };
        var parameters = new JsonArray();
        foreach (Match parameter in PathParameter().Matches(path))
        {
            parameters.Add(new JsonObject { ["name"] = parameter.Groups[1].Value, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        // Exactly the ones the function declares: any other is refused (QueryParameterMiddleware).
        foreach (var name in function.Method.GetCustomAttribute<QueryParametersAttribute>()?.Names ?? [])
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["required"] = false, ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (function.Method.GetCustomAttribute<RequestBodyAttribute>() is { } body)
        {
            var content = new JsonObject();
            foreach (var type in body.ContentTypes)
            {
                content[type] = new JsonObject { ["schema"] = type == "application/json" ? Schema(body.Type) : new JsonObject { ["type"] = "string" } };
            }

            operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
        }

        var responses = new JsonObject();
        foreach (var (status, type) in Answers(function.Method.ReturnType))
        {
            responses[status] = type is null
                ? new JsonObject { ["description"] = Describe(status), ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = ProblemSchema() } } }
                : new JsonObject { ["description"] = Describe(status), ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Schema(type) } } };
        }

        operation["responses"] = responses;
        if (function.Method.GetCustomAttribute<AllowAnonymousAttribute>() is null)
        {
            operation["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() });
        }

        return operation;
    }

    /// <summary>The answers a return type can give: (status, body type or null for a problem).</summary>
    private static IEnumerable<(string Status, Type? Body)> Answers(Type returnType)
    {
        var type = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>) ? returnType.GetGenericArguments()[0] : returnType;
        var results = type.IsGenericType && type.Name.StartsWith("Results`", StringComparison.Ordinal) ? type.GetGenericArguments() : [type];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var answer = result switch
            {
                _ when result == typeof(ProblemHttpResult) => ("4XX", null),
                _ when result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Ok<>) => ("200", result.GetGenericArguments()[0]),
                _ when result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Created<>) => ("201", result.GetGenericArguments()[0]),
                _ when result.IsGenericType && result.GetGenericTypeDefinition() == typeof(Accepted<>) => ("202", result.GetGenericArguments()[0]),
                _ => ("200", (Type?)null),
            };
            if (seen.Add(answer.Item1))
            {
                yield return answer;
            }
        }

        if (seen.Add("4XX"))
        {
            yield return ("4XX", null);
        }

        yield return ("5XX", null);
    }

    private static string Describe(string status) => status switch
    {
        "200" => "OK",
        "201" => "Created",
        "202" => "Accepted: applied in the background (see the receipt)",
        "4XX" => "Refused: problem+json whose detail says what to do",
        _ => "Storage unavailable (503, with Retry-After) or an unexpected failure, as problem+json",
    };

    private static JsonNode Schema(Type type) =>
        type == typeof(string) ? new JsonObject { ["type"] = "string" } : Json.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });

    private static JsonObject ProblemSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["errors"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "object" } },
        },
    };

    // Route templates may carry constraints ({id:int}) or be optional ({id?}); OpenAPI paths may not.
    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\??\}")]
    private static partial Regex OptionalOrConstrained();

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex PathParameter();
}
