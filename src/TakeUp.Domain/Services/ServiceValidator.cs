using TakeUp.Domain.Calendar;
using System.Globalization;
using TakeUp.Domain.Usage;

namespace TakeUp.Domain.Services;

/// <summary>Checks catalogue entries, reporting every problem with its row and field.</summary>
public static class ServiceValidator
{
    public const int MaxSupportStandardDays = 60;

    public static (ServiceRecord? Service, IReadOnlyList<InputError> Errors) Validate(ServiceInput input)
    {
        var errors = new List<InputError>();
        void Error(string field, string reason) => errors.Add(new InputError(input.Row, field, reason));

        if (!ServiceId.TryParse(input.Id, out var id))
        {
            Error("id", ServiceId.Rule(input.Id));
        }

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            Error("name", "A name of 1 to 200 characters is required.");
        }

        if (!DepartmentId.TryParse(input.Department, out var department))
        {
            Error("department", DepartmentId.Rule(input.Department));
        }

        var departmentName = input.DepartmentName?.Trim();
        if (string.IsNullOrEmpty(departmentName) || departmentName.Length > 200)
        {
            Error("departmentName", "The department's name (1 to 200 characters) is required.");
        }

        long? volume = null;
        if (!string.IsNullOrWhiteSpace(input.YearlyVolume))
        {
            if (long.TryParse(input.YearlyVolume, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                volume = v;
            }
            else
            {
                Error("yearlyVolume", $"'{input.YearlyVolume}' is not a whole number of transactions a year.");
            }
        }

        var target = ParseShareByDate(input.TakeUpTargetShare, input.TakeUpTargetDate, "digitalTakeUpTarget", Error);
        var baseline = ParseShareByDate(input.InclusionBaselineShare, input.InclusionBaselineDate, "inclusionBaseline", Error);

        if (!FeedFrequency.TryParse(string.IsNullOrWhiteSpace(input.FeedFrequency) ? "daily" : input.FeedFrequency, out var frequency))
        {
            Error("feedFrequency", $"'{input.FeedFrequency}' is not a feed frequency; use daily, weekly or monthly.");
        }

        int? standardDays = null;
        if (!string.IsNullOrWhiteSpace(input.SupportStandardDays))
        {
            if (int.TryParse(input.SupportStandardDays, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= MaxSupportStandardDays)
            {
                standardDays = d;
            }
            else
            {
                Error("supportStandardDays", $"'{input.SupportStandardDays}' is not a number of working days from 1 to {MaxSupportStandardDays}.");
            }
        }

        var offline = new List<Channel>();
        foreach (var text in input.OfflineChannels ?? [])
        {
            if (!Channel.TryParse(text, out var channel))
            {
                Error("offlineChannels", Channel.UnknownReason(text));
            }
            else if (channel.IsDigital)
            {
                Error("offlineChannels", $"'{text}' is a digital channel, not an offline one.");
            }
            else if (!offline.Contains(channel))
            {
                offline.Add(channel);
            }
        }

        var managers = new List<string>();
        foreach (var manager in input.Managers ?? [])
        {
            if (EmailAddress.IsValid(manager))
            {
                managers.Add(manager);
            }
            else
            {
                Error("managers", $"'{manager}' is not an e-mail address.");
            }
        }

        var routes = new List<AlertRoute>();
        foreach (var text in input.AlertRoutes ?? [])
        {
            if (AlertRoute.TryParse(text, out var route, out var reason))
            {
                routes.Add(route);
            }
            else
            {
                Error("alertRoutes", reason);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new ServiceRecord(id, name!, department, departmentName!, volume, target is null ? null : new TakeUpTarget(target.Value.Share, target.Value.Date),
            frequency, baseline is null ? null : new InclusionBaseline(baseline.Value.Share, baseline.Value.Date), standardDays, offline, managers, routes), errors);
    }

    private static (double Share, DateOnly Date)? ParseShareByDate(string? shareText, string? dateText, string field, Action<string, string> error)
    {
        var hasShare = !string.IsNullOrWhiteSpace(shareText);
        var hasDate = !string.IsNullOrWhiteSpace(dateText);
        if (!hasShare && !hasDate)
        {
            return null;
        }

        if (!hasShare || !hasDate)
        {
            error(field, "Give both the share and the date, or neither.");
            return null;
        }

        var shareOk = double.TryParse(shareText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 1;
        var dateOk = DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!shareOk)
        {
            error(field, $"'{shareText}' is not a share from 0 to 1 (write 90% as 0.9).");
        }

        if (!dateOk)
        {
            error(field, $"'{dateText}' is not a date in the form yyyy-MM-dd.");
        }
        else if (!SupportedDates.Contains(date))
        {
            error(field, SupportedDates.Rule(dateText!));
            dateOk = false;
        }

        return shareOk && dateOk ? (share, date) : null;
    }
}
