namespace TakeUp.Functions.Http;

/// <summary>A body read past its function's limit: answered 413 naming the limit.</summary>
public sealed class RequestBodyTooLargeException(long limit)
    : BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
{
    public long Limit { get; } = limit;
}

/// <summary>
/// The request body, failing once more than the limit has been read. The server's own limit
/// (<c>IHttpMaxRequestBodySizeFeature</c>) is also set, but not every server honours it (the test
/// server does not, and a chunked body has no length to check first), and ASP.NET Core offers no
/// public stream that counts: so this small one does, for every server alike.
/// </summary>
public sealed class LimitedRequestBody(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new RequestBodyTooLargeException(limit) : read;
    }
}
