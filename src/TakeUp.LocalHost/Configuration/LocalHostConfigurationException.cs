namespace TakeUp.LocalHost.Configuration;

/// <summary>The app folder or a setting is wrong; the message says what to do, and is shown as it is.</summary>
public sealed class LocalHostConfigurationException : Exception
{
    public LocalHostConfigurationException(string message) : base(message) { }

    public LocalHostConfigurationException(string message, Exception inner) : base(message, inner) { }
}
