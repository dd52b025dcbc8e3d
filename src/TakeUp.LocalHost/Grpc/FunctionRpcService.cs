using Grpc.Core;
using Microsoft.Extensions.Logging;
using TakeUp.LocalHost.Functions;
using TakeUp.LocalHost.Grpc.Protocol;

namespace TakeUp.LocalHost.Grpc;

/// <summary>
/// The host's end of FunctionRpc: a worker dials in, sends StartStream with its id, and the stream
/// stays open for the worker's lifetime (the call returns when either side ends it).
/// </summary>
internal sealed class FunctionRpcService(
    WorkerConnections connections,
    InvocationRegistry invocations,
    ILoggerFactory loggerFactory) : FunctionRpc.FunctionRpcBase
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<FunctionRpcService>();
    private readonly ILogger _workerLogger = loggerFactory.CreateLogger("Worker");

    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        // Not tied to the host's ApplicationStopping: the stream must outlive it so that the
        // supervisor can still send WorkerTerminate while the host shuts down.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        if (!await requestStream.MoveNext(stopping.Token) || requestStream.Current.ContentCase != StreamingMessage.ContentOneofCase.StartStream)
        {
            throw new global::Grpc.Core.RpcException(new Status(StatusCode.InvalidArgument, "The first message must be StartStream."));
        }

        var workerId = requestStream.Current.StartStream.WorkerId;
        var channel = new WorkerChannel(workerId, responseStream, _workerLogger, invocations.FunctionNameOf);
        if (!connections.TryConnect(channel))
        {
            LocalHostLog.UnknownWorker(_logger, workerId);
            throw new global::Grpc.Core.RpcException(new Status(StatusCode.PermissionDenied, $"Worker id '{workerId}' was not started by this host."));
        }

        using var ended = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, channel.HangupToken);
        var writer = channel.RunWriterAsync(ended.Token);
        try
        {
            await channel.RunReaderAsync(requestStream, ended.Token);
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The worker hung up or the host is stopping: the stream is simply over.
        }
        catch (IOException)
        {
            // The worker process died mid-stream.
        }
        finally
        {
            channel.Close(new WorkerGoneException($"Worker {workerId} disconnected."));
            try
            {
                await writer;
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
            catch (InvalidOperationException)
            {
                // The call completed while a write was queued.
            }
            catch (IOException)
            {
                // The connection is gone.
            }
        }
    }
}
