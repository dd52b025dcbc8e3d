using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Grpc;

/// <summary>
/// One worker's FunctionRpc event stream, seen from the host: sends requests, pairs each response
/// with its request (init, metadata, load by function id, invocation by invocation id) and turns
/// RpcLog messages into log lines.
/// </summary>
internal sealed class WorkerChannel
{
    private readonly CancellationTokenSource _hangup = new();
    private readonly IServerStreamWriter<StreamingMessage> _responseStream;
    private readonly Channel<StreamingMessage> _outgoing = Channel.CreateUnbounded<StreamingMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger _workerLogger;
    private readonly Func<string, string?> _functionNameOfInvocation;

    public WorkerChannel(string workerId, IServerStreamWriter<StreamingMessage> responseStream, ILogger workerLogger, Func<string, string?> functionNameOfInvocation)
    {
        WorkerId = workerId;
        _responseStream = responseStream;
        _workerLogger = workerLogger;
        _functionNameOfInvocation = functionNameOfInvocation;
    }

    public string WorkerId { get; }

    /// <summary>Completes when the stream has ended (the worker went away or the host stopped).</summary>
    public Task Closed => _closed.Task;

    /// <summary>Writes queued messages in order; gRPC allows one write at a time on a stream.</summary>
    public async Task RunWriterAsync(CancellationToken cancellationToken)
    {
        await foreach (var message in _outgoing.Reader.ReadAllAsync(cancellationToken))
        {
            await _responseStream.WriteAsync(message, cancellationToken);
        }
    }

    /// <summary>Reads the worker's messages until the stream ends.</summary>
    public async Task RunReaderAsync(IAsyncStreamReader<StreamingMessage> requestStream, CancellationToken cancellationToken)
    {
        try
        {
            while (await requestStream.MoveNext(cancellationToken))
            {
                Dispatch(requestStream.Current);
            }
        }
        finally
        {
            Close(new WorkerGoneException($"The event stream of worker {WorkerId} ended."));
        }
    }

    /// <summary>Fires when the worker is known to be gone (exited or killed), to end the host's side of its stream.</summary>
    public CancellationToken HangupToken => _hangup.Token;

    /// <summary>
    /// The worker has exited or was killed. A worker hosted in-process may leave its gRPC call
    /// open when it stops, and the host's server would wait for it until its shutdown timeout.
    /// </summary>
    public void Hangup()
    {
        try
        {
            _hangup.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already over.
        }
    }

    public void Close(Exception reason)
    {
        _outgoing.Writer.TryComplete();
        foreach (var key in _pending.Keys)
        {
            if (_pending.TryRemove(key, out var waiting))
            {
                waiting.TrySetException(reason);
            }
        }

        _closed.TrySetResult();
    }

    public void Send(StreamingMessage message)
    {
        if (!_outgoing.Writer.TryWrite(message))
        {
            throw new WorkerGoneException($"Worker {WorkerId} is not connected.");
        }
    }

    /// <summary>Sends a request and waits for the response paired with it by <paramref name="key"/>.</summary>
    public async Task<StreamingMessage> RequestAsync(string key, StreamingMessage request, CancellationToken cancellationToken)
    {
        var waiting = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, waiting))
        {
            throw new InvalidOperationException($"A request {key} is already waiting for worker {WorkerId}.");
        }

        if (_closed.Task.IsCompleted)
        {
            _pending.TryRemove(key, out _);
            throw new WorkerGoneException($"Worker {WorkerId} is not connected.");
        }

        using var registration = cancellationToken.Register(() =>
        {
            if (_pending.TryRemove(key, out var cancelled))
            {
                cancelled.TrySetCanceled(cancellationToken);
            }
        });
        Send(request);
        return await waiting.Task;
    }

    public static string InitKey => "init";

    public static string MetadataKey => "metadata";

    public static string LoadKey(string functionId) => "load:" + functionId;

    public static string InvocationKey(string invocationId) => "invoke:" + invocationId;

    private void Dispatch(StreamingMessage message)
    {
        var key = message.ContentCase switch
        {
            StreamingMessage.ContentOneofCase.WorkerInitResponse => InitKey,
            StreamingMessage.ContentOneofCase.FunctionMetadataResponse => MetadataKey,
            StreamingMessage.ContentOneofCase.FunctionLoadResponse => LoadKey(message.FunctionLoadResponse.FunctionId),
            StreamingMessage.ContentOneofCase.InvocationResponse => InvocationKey(message.InvocationResponse.InvocationId),
            _ => null,
        };

        if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
        {
            Log(message.RpcLog);
        }
        else if (key is not null && _pending.TryRemove(key, out var waiting))
        {
            waiting.TrySetResult(message);
        }
    }

    private void Log(RpcLog log)
    {
        var level = log.Level switch
        {
            RpcLog.Types.Level.Trace => LogLevel.Trace,
            RpcLog.Types.Level.Debug => LogLevel.Debug,
            RpcLog.Types.Level.Information => LogLevel.Information,
            RpcLog.Types.Level.Warning => LogLevel.Warning,
            RpcLog.Types.Level.Error => LogLevel.Error,
            RpcLog.Types.Level.Critical => LogLevel.Critical,
            _ => LogLevel.None,
        };
        if (!_workerLogger.IsEnabled(level))
        {
            return;
        }

        var exception = log.Exception is { } rpc ? new WorkerException(rpc) : null;
        if (log.InvocationId is { Length: > 0 } invocationId)
        {
            LocalHostLog.WorkerLog(_workerLogger, level, _functionNameOfInvocation(invocationId) ?? "?", log.Message, invocationId, log.Category, exception);
        }
        else
        {
            LocalHostLog.WorkerSystemLog(_workerLogger, level, log.Message, log.Category, exception);
        }
    }
}

/// <summary>The worker is not connected (any more): the invocation did not run, or its outcome is unknown.</summary>
internal sealed class WorkerGoneException(string message) : Exception(message);

/// <summary>An exception the worker reported, with its type and stack as the worker gave them.</summary>
internal sealed class WorkerException(Protocol.RpcException rpc) : Exception($"{rpc.Type}: {rpc.Message}")
{
    public override string? StackTrace => rpc.StackTrace;
}
