using Azure;

namespace TakeUp.Storage;

/// <summary>A "maybe" answer: a value when the service had one, none (with the raw response) when it did not.</summary>
internal sealed class ValueResponse<T> : NullableResponse<T>
{
    private readonly T? _value;
    private readonly Response _response;

    private ValueResponse(T? value, bool hasValue, Response response)
    {
        _value = value;
        HasValue = hasValue;
        _response = response;
    }

    public override bool HasValue { get; }

    public override T Value => HasValue
        ? _value!
        : throw new InvalidOperationException($"The service answered {_response.Status} and returned no value. Check HasValue before reading Value.");

    public static ValueResponse<T> Some(T value, Response response) => new(value, hasValue: true, response);

    public static ValueResponse<T> None(Response response) => new(default, hasValue: false, response);

    public override Response GetRawResponse() => _response;
}
