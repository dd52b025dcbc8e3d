namespace TakeUp.Functions.Pages.Components;

/// <summary>One message of a form's error summary, linked to the field it is about.</summary>
public sealed record FieldError(string FieldId, string Message);

/// <summary>A choice of a radios, checkboxes or select field.</summary>
public sealed record Choice(string Value, string Label, string? Hint = null);

/// <summary>
/// A form's errors in the order its fields appear (GOV.UK: the summary lists them in that order,
/// each message also shown by its field).
/// </summary>
public sealed class FormErrors
{
    private readonly List<FieldError> _errors = [];

    public static FormErrors None { get; } = new();

    public IReadOnlyList<FieldError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string fieldId, string message)
    {
        // One message per field: the first problem is the one to fix first.
        if (!_errors.Exists(e => e.FieldId == fieldId))
        {
            _errors.Add(new FieldError(fieldId, message));
        }
    }

    public string? For(string fieldId) => _errors.Find(e => e.FieldId == fieldId)?.Message;

    /// <summary>Orders the messages as the fields appear on the page.</summary>
    public FormErrors InFieldOrder(IReadOnlyList<string> fieldOrder)
    {
        _errors.Sort((a, b) => Position(a.FieldId).CompareTo(Position(b.FieldId)));
        return this;

        int Position(string id)
        {
            var at = fieldOrder.ToList().IndexOf(id);
            return at < 0 ? int.MaxValue : at;
        }
    }
}
