using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace TakeUp.Hosting.Invocation;

internal sealed class QueueFunctionBinding<TFunction, TMessage>(QueueFunctionTrigger trigger) : IFunctionBinding
    where TFunction : class, IQueueFunction<TMessage>
{
    public FunctionTrigger Trigger { get; } = trigger;

    public async Task<string> InvokeAsync(string functionName, IServiceProvider services, InvocationRequest request, CancellationToken cancellationToken)
    {
        var payload = QueueTriggerPayload.Read(request);
        var message = ReadMessage(payload.MessageText, services);
        var function = ActivatorUtilities.CreateInstance<TFunction>(services);
        await FunctionInstance.RunAsync(function, () => function.RunAsync(message, payload.Trigger, cancellationToken));
        return $"{functionName} processed message '{payload.Trigger.MessageId}' (delivery {payload.Trigger.DequeueCount}).";
    }

    private static TMessage ReadMessage(string text, IServiceProvider services)
    {
        if (typeof(TMessage) == typeof(string))
        {
            return (TMessage)(object)text;
        }

        // The app's minimal-API JSON settings (web defaults unless it changed them), so a message
        // reads the same as the HTTP body that produced it.
        var options = services.GetService<IOptions<HttpJsonOptions>>()?.Value.SerializerOptions
            ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        try
        {
            return JsonSerializer.Deserialize<TMessage>(text, options)
                ?? throw new InvocationPayloadException($"The queue message is JSON null, not a {typeof(TMessage).Name}.");
        }
        catch (JsonException ex)
        {
            throw new InvocationPayloadException($"The queue message could not be read as {typeof(TMessage).Name}: {ex.Message}", ex);
        }
    }
}
