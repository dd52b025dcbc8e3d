namespace TakeUp.Storage;

/// <summary>How message text is carried in the service's XML.</summary>
public enum QueueMessageEncoding
{
    /// <summary>As is (it must then be valid XML text).</summary>
    None = 0,

    /// <summary>Base64 of the UTF-8 bytes: what the Azure Functions host writes and expects by default.</summary>
    Base64 = 1,
}
