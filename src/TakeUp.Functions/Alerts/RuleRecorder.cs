using System.Globalization;
using TakeUp.Domain.Analysis;
using TakeUp.Domain.Services;

namespace TakeUp.Functions.Alerts;

/// <summary>
/// Turns rule evaluations into stored states and alerts: raise when a status gets worse than what
/// the manager knows, resolve when it recovers, nothing otherwise (<see cref="AlertDecision"/>).
/// A state that has not changed is not written again, so a repeated run stores the same result.
/// </summary>
/// <remarks>
/// Safe to run concurrently with itself (two instances after a scale-out, a timer run by hand while
/// it fires): each state is written under its ETag, and an evaluation that finds another got there
/// first reads the states again and decides again, so the status is stored once and an alert is
/// raised once.
/// </remarks>
public sealed class RuleRecorder(AlertStore alerts, AlertOutbox outbox)
{
    private const int Attempts = 5;

    public async Task<IReadOnlyList<string>> RecordAsync(ServiceId service, IReadOnlyList<TargetEvaluation> evaluations, CancellationToken cancellationToken)
    {
        var states = await alerts.GetStatesAsync(service, cancellationToken);
        var changed = new List<string>();
        foreach (var evaluation in evaluations)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await RecordOneAsync(service, evaluation, states.GetValueOrDefault(evaluation.Rule), cancellationToken) is { } alertId)
                    {
                        changed.Add(alertId);
                    }

                    break;
                }
                catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < Attempts)
                {
                    // Another evaluation of this rule was stored since the states were read.
                    states = await alerts.GetStatesAsync(service, cancellationToken);
                }
            }
        }

        await outbox.FlushAsync(service, cancellationToken);
        return changed;
    }

    private async Task<string?> RecordOneAsync(ServiceId service, TargetEvaluation evaluation, RuleState? previous, CancellationToken cancellationToken)
    {
        var known = Known(previous);
        var action = AlertDecision.Decide(known, evaluation.Status);
        var outcome = new RuleOutcome(
            evaluation.Rule,
            evaluation.Status.Name(),
            evaluation.Reason,
            evaluation.Figures.Select(f => new FigureValue(f.Key, f.Value)).ToList());
        if (action == AlertAction.None && previous is not null && previous.Status == outcome.Status && previous.Reason == outcome.Reason)
        {
            return null;
        }

        var change = action switch
        {
            AlertAction.Raise => AlertChange.Raise,
            AlertAction.Resolve => AlertChange.Resolve,
            _ => AlertChange.None,
        };
        var changed = await alerts.RecordAsync(service, outcome, previous, change, cancellationToken);
        if (change == AlertChange.Raise && changed is not null)
        {
            Telemetry.TakeUpTelemetry.AlertsRaised.Add(1, new KeyValuePair<string, object?>("takeup.rule", outcome.Rule));
        }

        return changed;
    }

    /// <summary>What the manager knows: the open alert's status, else the last status evaluated.</summary>
    private static TargetStatus? Known(RuleState? state)
    {
        var name = state?.OpenAlertId is not null ? state.AlertedStatus : state?.Status;
        return TargetStatuses.TryParse(name, out var status) ? status : null;
    }
}
