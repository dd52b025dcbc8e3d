using TakeUp.Domain.Calendar;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Analysis;

/// <summary>The completed transactions of one day, week, month or quarter, by channel and assisted route.</summary>
public sealed record PeriodCounts(Period Period, ChannelCounts Counts);
