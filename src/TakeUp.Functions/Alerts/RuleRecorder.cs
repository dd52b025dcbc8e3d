using System.Globalization;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// Turns rule evaluations into stored states and alerts: raise when a status gets worse than what
/// the manager knows, resolve when it recovers, nothing otherwise (<see cref="AlertDecision"/>).
/// A state that has not changed is not written again, so a repeated run stores the same result.
/// </summary>
public sealed class RuleRecorder(AlertStore alerts, AlertOutbox outbox)
{
    public async Task<IReadOnlyList<string>> RecordAsync(ServiceId service, IReadOnlyList<TargetEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var states = await alerts.GetStatesAsync(service, cancellationToken);
        var changed = new List<string>();
        foreach (var evaluation in evaluations)
        {
            var previous = states.GetValueOrDefault(evaluation.Rule);
            var known = Known(previous);
            var action = AlertDecision.Decide(known, evaluation.Status);
            var outcome = new RuleOutcome(
                evaluation.Rule,
                evaluation.Status.Name(),
                evaluation.Reason,
                evaluation.Figures.Select(f => new FigureValue(f.Key, f.Value)).ToList());
            if (action == AlertAction.None && previous is not null && previous.Status == outcome.Status && previous.Reason == outcome.Reason)
            {
                continue;
            }

            var change = action switch
            {
                AlertAction.Raise => AlertChange.Raise,
                AlertAction.Resolve => AlertChange.Resolve,
                _ => AlertChange.None,
            };
            if (await alerts.RecordAsync(service, outcome, previous, change, cancellationToken) is { } alertId)
            {
                changed.Add(alertId);
            }
        }

        await outbox.FlushAsync(service, cancellationToken);
        return changed;
    }

    /// <summary>What the manager knows: the open alert's status, else the last status evaluated.</summary>
    private static TargetStatus? Known(RuleState? state)
    {
        var name = state?.OpenAlertId is not null ? state.AlertedStatus : state?.Status;
        return TargetStatuses.TryParse(name, out var status) ? status : null;
    }
}
