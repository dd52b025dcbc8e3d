namespace TakeUp.Domain.Usage;

/// <summary>What one count is of: a channel, and for digital channels whether (and how) it was assisted.</summary>
public readonly record struct CountKey(Channel Channel, AssistedSupport Assisted)
{
    public bool IsDigital => Channel.IsDigital;

    public bool IsAssistedDigital => Channel.IsDigital && Assisted.IsAssisted;

    public override string ToString() => Assisted.IsAssisted ? $"{Channel.Name} (assisted: {Assisted.Name})" : Channel.Name;
}
