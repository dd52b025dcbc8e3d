using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TakeUp.Storage;

/// <summary>
/// One queue: send, receive, peek, update and delete messages.
/// </summary>
/// <remarks>
/// Message text is base64-encoded by default (<see cref="QueueClientOptions.MessageEncoding"/>), as the Azure
/// Functions host expects. Times travel in whole seconds; fractions are dropped.
/// </remarks>
public class QueueClient
{
    /// <summary>The service's longest visibility timeout.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromDays(7);

    private readonly HttpPipeline _pipeline;
    private readonly string _version;
    private readonly QueueMessageEncoding _encoding;

    public QueueClient(string connectionString, string queueName, QueueClientOptions? options = null)
        : this(StorageConnection.Parse(connectionString), queueName, options)
    {
    }

    public QueueClient(Uri queueUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(queueUri, new QueueSharedKeyPipelinePolicy(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    public QueueClient(Uri queueUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(queueUri, StoragePipeline.BearerToken(credential ?? throw new ArgumentNullException(nameof(credential))), options)
    {
    }

    /// <summary>For mocking.</summary>
    protected QueueClient()
    {
        _pipeline = null!;
        _version = string.Empty;
        Uri = null!;
        Name = string.Empty;
    }

    private QueueClient(StorageConnection connection, string queueName, QueueClientOptions? options)
        : this(QueueUri(connection.QueueEndpoint, queueName), new QueueSharedKeyPipelinePolicy(connection.RequireCredential()), options)
    {
    }

    private QueueClient(Uri queueUri, HttpPipelinePolicy authentication, QueueClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(queueUri);
        queueUri = StorageUri.WithoutTrailingSlash(queueUri);
        var name = queueUri.AbsolutePath.Split('/')[^1];
        QueueNames.Validate(name, nameof(queueUri));
        options ??= new QueueClientOptions();
        Uri = queueUri;
        Name = name;
        _version = options.VersionString;
        _encoding = options.MessageEncoding;
        _pipeline = StoragePipeline.Build(options, authentication);
    }

    /// <summary>The "time to live" that means the message never expires.</summary>
    public static TimeSpan NeverExpires => Timeout.InfiniteTimeSpan;

    public virtual Uri Uri { get; }

    public virtual string Name { get; }

    /// <summary>Creates the queue; an existing queue is fine.</summary>
    public virtual async Task<Response> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateRequest(RequestMethod.Put, path: null);
        var response = await SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 409 && StorageResponses.ErrorCode(response) == QueueErrorCode.QueueAlreadyExists)
        {
            // The queue exists with other metadata: it exists, which is what was asked.
            return response;
        }

        return StorageResponses.Expect(response, 201, 204);
    }

    /// <summary>Deletes the queue and its messages; true if there was one to delete.</summary>
    public virtual async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateRequest(RequestMethod.Delete, path: null);
        var response = StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 204, 404);
        return Response.FromValue(response.Status == 204, response);
    }

    /// <param name="messageText">At most 64 KiB once encoded (about 48 KiB of UTF-8 with base64).</param>
    /// <param name="visibilityTimeout">How long the message stays hidden first (0 to 7 days; default 0).</param>
    /// <param name="timeToLive">How long it lives (default 7 days); <see cref="NeverExpires"/>, <see cref="TimeSpan.MaxValue"/> or -1 s for ever.</param>
    public virtual async Task<Response<SendReceipt>> SendMessageAsync(
        string messageText, TimeSpan? visibilityTimeout = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var body = QueueMessageXml.WriteMessage(QueueMessageCodec.Encode(messageText, _encoding, nameof(messageText)));
        var query = new List<KeyValuePair<string, string>>();
        if (visibilityTimeout is { } visibility)
        {
            query.Add(new("visibilitytimeout", Seconds(visibility, TimeSpan.Zero, nameof(visibilityTimeout))));
        }

        if (timeToLive is { } ttl)
        {
            query.Add(new("messagettl", TimeToLive(ttl, nameof(timeToLive))));
        }

        using var message = CreateRequest(RequestMethod.Post, "messages", query);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(body);
        var response = StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 201);

        var sent = QueueMessageXml.ReadMessages(response.Content).FirstOrDefault()
            ?? throw new FormatException("The Queue service accepted the message but returned no receipt.");
        return Response.FromValue(
            new SendReceipt(
                QueueMessageXml.Required(sent, "MessageId"),
                QueueMessageXml.Required(sent, "PopReceipt"),
                QueueMessageXml.RequiredTime(sent, "InsertionTime"),
                QueueMessageXml.RequiredTime(sent, "ExpirationTime"),
                QueueMessageXml.RequiredTime(sent, "TimeNextVisible")),
            response);
    }

    /// <param name="maxMessages">1 to 32.</param>
    /// <param name="visibilityTimeout">How long received messages stay hidden (1 s to 7 days; the service's default is 30 s).</param>
    public virtual async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(
        int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var query = new List<KeyValuePair<string, string>> { new("numofmessages", MessageCount(maxMessages)) };
        if (visibilityTimeout is { } visibility)
        {
            query.Add(new("visibilitytimeout", Seconds(visibility, TimeSpan.FromSeconds(1), nameof(visibilityTimeout))));
        }

        using var message = CreateRequest(RequestMethod.Get, "messages", query);
        var response = StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 200);
        var messages = QueueMessageXml.ReadMessages(response.Content)
            .Select(m => new QueueMessage(
                QueueMessageXml.Required(m, "MessageId"),
                QueueMessageXml.Required(m, "PopReceipt"),
                QueueMessageCodec.Decode(QueueMessageXml.Required(m, "MessageText"), _encoding),
                QueueMessageXml.DequeueCount(m),
                QueueMessageXml.Time(m, "InsertionTime"),
                QueueMessageXml.Time(m, "ExpirationTime"),
                QueueMessageXml.Time(m, "TimeNextVisible")))
            .ToArray();
        return Response.FromValue(messages, response);
    }

    /// <param name="maxMessages">1 to 32.</param>
    public virtual async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        using var message = CreateRequest(RequestMethod.Get, "messages", [new("peekonly", "true"), new("numofmessages", MessageCount(maxMessages))]);
        var response = StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 200);
        var messages = QueueMessageXml.ReadMessages(response.Content)
            .Select(m => new PeekedMessage(
                QueueMessageXml.Required(m, "MessageId"),
                QueueMessageCodec.Decode(QueueMessageXml.Required(m, "MessageText"), _encoding),
                QueueMessageXml.DequeueCount(m),
                QueueMessageXml.Time(m, "InsertionTime"),
                QueueMessageXml.Time(m, "ExpirationTime")))
            .ToArray();
        return Response.FromValue(messages, response);
    }

    /// <summary>
    /// Deletes a received message. A stale pop receipt fails with 400 PopReceiptMismatch, a message already gone with
    /// 404 MessageNotFound.
    /// </summary>
    public virtual async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateRequest(RequestMethod.Delete, MessagePath(messageId), [new("popreceipt", popReceipt)]);
        return StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 204);
    }

    /// <summary>
    /// Changes when a received message becomes visible again, and optionally its text. The old pop receipt stops
    /// working: use the one returned.
    /// </summary>
    /// <param name="visibilityTimeout">From now, 0 to 7 days; 0 makes the message visible at once.</param>
    public virtual async Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId, string popReceipt, string? messageText = null, TimeSpan visibilityTimeout = default, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        var query = new List<KeyValuePair<string, string>>
        {
            new("popreceipt", popReceipt),
            new("visibilitytimeout", Seconds(visibilityTimeout, TimeSpan.Zero, nameof(visibilityTimeout))),
        };
        using var message = CreateRequest(RequestMethod.Put, MessagePath(messageId), query);
        if (messageText is not null)
        {
            message.Request.Headers.SetValue("Content-Type", "application/xml");
            message.Request.Content = RequestContent.Create(QueueMessageXml.WriteMessage(QueueMessageCodec.Encode(messageText, _encoding, nameof(messageText))));
        }

        var response = StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 204);
        if (!response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt) ||
            !response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible))
        {
            throw new FormatException("The Queue service updated the message but did not return its new pop receipt.");
        }

        return Response.FromValue(new UpdateReceipt(newReceipt, StorageDate.ParseRfc1123(nextVisible)), response);
    }

    public virtual async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateRequest(RequestMethod.Get, path: null, [new("comp", "metadata")]);
        var response = StorageResponses.Expect(await SendAsync(message, cancellationToken).ConfigureAwait(false), 200);
        var count = response.Headers.TryGetValue("x-ms-approximate-messages-count", out var text)
            ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : throw new FormatException("The Queue service did not return x-ms-approximate-messages-count.");
        return Response.FromValue(new QueueProperties(count), response);
    }

    private static Uri QueueUri(Uri queueEndpoint, string queueName)
    {
        QueueNames.Validate(queueName, nameof(queueName));
        return new Uri(queueEndpoint.AbsoluteUri.TrimEnd('/') + "/" + queueName);
    }

    private static string MessagePath(string messageId) => "messages/" + Uri.EscapeDataString(messageId);

    private static string MessageCount(int maxMessages) =>
        maxMessages is >= 1 and <= 32
            ? maxMessages.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "The Queue service hands out 1 to 32 messages at a time.");

    private static string Seconds(TimeSpan value, TimeSpan minimum, string parameterName) =>
        value >= minimum && value <= MaxVisibilityTimeout
            ? ((int)value.TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(parameterName, value, $"Must be from {minimum.TotalSeconds:0} s to 7 days.");

    private static string TimeToLive(TimeSpan value, string parameterName)
    {
        if (value == Timeout.InfiniteTimeSpan || value == TimeSpan.MaxValue || value == TimeSpan.FromSeconds(-1))
        {
            return "-1";
        }

        return value >= TimeSpan.FromSeconds(1) && value.TotalSeconds <= int.MaxValue
            ? ((int)value.TotalSeconds).ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(parameterName, value, "A message's time to live must be at least 1 s, or QueueClient.NeverExpires.");
    }

    private HttpMessage CreateRequest(RequestMethod method, string? path, IEnumerable<KeyValuePair<string, string>>? query = null)
    {
        var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        var uri = new RequestUriBuilder();
        uri.Reset(Uri);
        if (path is not null)
        {
            uri.AppendPath("/" + path, escape: false);
        }

        foreach (var (name, value) in query ?? [])
        {
            uri.AppendQuery(name, Uri.EscapeDataString(value), escapeValue: false);
        }

        request.Uri = uri;
        request.Headers.SetValue("x-ms-version", _version);
        return message;
    }

    private Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken) =>
        StorageResponses.SendAsync(_pipeline, message, cancellationToken);
}
