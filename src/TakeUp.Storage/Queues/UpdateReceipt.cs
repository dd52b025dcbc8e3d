namespace TakeUp.Storage;

/// <summary>After an update the old pop receipt no longer works: use this one.</summary>
public sealed record UpdateReceipt(string PopReceipt, DateTimeOffset NextVisibleOn);
