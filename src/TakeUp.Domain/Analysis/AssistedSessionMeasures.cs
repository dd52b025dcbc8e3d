using TakeUp.Domain.Assisted;
using TakeUp.Domain.Measures;

namespace TakeUp.Domain.Analysis;

/// <summary>
/// What a set of logged assisted digital sessions shows: how help was given, why it was needed, who was
/// helped (by inclusion scale point) and how the sessions ended. Every list has an entry for each value
/// of its vocabulary, in the vocabulary's order, with 0 where there were no sessions.
/// </summary>
/// <param name="Sessions">Sessions counted.</param>
/// <param name="ByReason">A session counts once under each of its reasons, so these add up to at least <paramref name="Sessions"/>.</param>
/// <param name="ByInclusionPoint">Points 1 to 9; sessions where the point was not asked are in <paramref name="InclusionPointNotRecorded"/>.</param>
/// <param name="Completion">Sessions completed over all sessions (<see cref="AnalysisMethods.SessionCompletion"/>).</param>
/// <param name="OfflineCompletion">Sessions completed over sessions at inclusion points 1 to 3 (<see cref="AnalysisMethods.OfflineSessionCompletion"/>).</param>
public sealed record AssistedSessionMeasures(
    long Sessions,
    IReadOnlyList<KeyValuePair<SupportRoute, long>> ByRoute,
    IReadOnlyList<KeyValuePair<HelpReason, long>> ByReason,
    IReadOnlyList<KeyValuePair<InclusionScalePoint, long>> ByInclusionPoint,
    long InclusionPointNotRecorded,
    IReadOnlyList<KeyValuePair<SessionOutcome, long>> ByOutcome,
    Ratio Completion,
    Ratio OfflineCompletion)
{
    public static AssistedSessionMeasures From(IEnumerable<AssistedSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var byRoute = new long[SupportRoute.All.Count];
        var byReason = new long[HelpReason.All.Count];
        var byPoint = new long[InclusionScalePoint.All.Count];
        var byOutcome = new long[SessionOutcome.All.Count];
        long count = 0, notRecorded = 0, completed = 0, offline = 0, offlineCompleted = 0;

        foreach (var session in sessions)
        {
            ArgumentNullException.ThrowIfNull(session, nameof(sessions));
            count = checked(count + 1);
            byRoute[IndexOf(SupportRoute.All, session.Route)]++;
            byOutcome[IndexOf(SessionOutcome.All, session.Outcome)]++;
            foreach (var reason in session.Reasons.Distinct())
            {
                byReason[IndexOf(HelpReason.All, reason)]++;
            }

            if (session.InclusionPoint is { } point)
            {
                byPoint[point.Value - InclusionScalePoint.Lowest]++;
            }
            else
            {
                notRecorded++;
            }

            if (session.Outcome.IsComplete)
            {
                completed++;
            }

            if (session.InclusionPoint is { IsOffline: true })
            {
                offline++;
                if (session.Outcome.IsComplete)
                {
                    offlineCompleted++;
                }
            }
        }

        return new AssistedSessionMeasures(
            count,
            Pair(SupportRoute.All, byRoute),
            Pair(HelpReason.All, byReason),
            Pair(InclusionScalePoint.All, byPoint),
            notRecorded,
            Pair(SessionOutcome.All, byOutcome),
            new Ratio(completed, count, AnalysisMethods.SessionCompletion),
            new Ratio(offlineCompleted, offline, AnalysisMethods.OfflineSessionCompletion));
    }

    public long CountFor(SupportRoute route) => CountOf(ByRoute, route);

    public long CountFor(HelpReason reason) => CountOf(ByReason, reason);

    public long CountFor(InclusionScalePoint point) => CountOf(ByInclusionPoint, point);

    public long CountFor(SessionOutcome outcome) => CountOf(ByOutcome, outcome);

    private static long CountOf<T>(IReadOnlyList<KeyValuePair<T, long>> counts, T key)
    {
        foreach (var (k, v) in counts)
        {
            if (EqualityComparer<T>.Default.Equals(k, key))
            {
                return v;
            }
        }

        return 0;
    }

    private static KeyValuePair<T, long>[] Pair<T>(IReadOnlyList<T> keys, long[] counts) =>
        keys.Select((key, i) => KeyValuePair.Create(key, counts[i])).ToArray();

    private static int IndexOf<T>(IReadOnlyList<T> vocabulary, T value) where T : class
    {
        for (var i = 0; i < vocabulary.Count; i++)
        {
            if (ReferenceEquals(vocabulary[i], value))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{value}' is not one of the {typeof(T).Name} values.", nameof(value));
    }
}
