namespace TakeUp.Functions.Trends;

/// <summary>A message on <c>trend-jobs</c>: recompute this service. <c>Full</c> rewrites every period, not only those with new data.</summary>
public sealed record TrendJobMessage(string? Service, bool Full = false);
