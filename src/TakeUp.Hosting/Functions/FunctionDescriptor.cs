namespace TakeUp.Hosting;

/// <summary>One declared function: its name (also its folder and invocation path) and its trigger.</summary>
public sealed record FunctionDescriptor(string Name, FunctionTrigger Trigger);
