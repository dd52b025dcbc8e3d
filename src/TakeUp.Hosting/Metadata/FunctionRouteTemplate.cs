using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace TakeUp.Hosting.Metadata;

/// <summary>
/// Turns an ASP.NET Core route pattern into the route a function.json declares: relative to the
/// host's route prefix, with only the parameter constraints the Functions host understands.
/// </summary>
internal static class FunctionRouteTemplate
{
    // The inline constraints of ASP.NET Core routing that the Functions host's router resolves.
    // Others (required, file, nonfile, app-defined ones) are dropped: the host then forwards a
    // little more than the app matches, and the app's own routing still decides.
    private static readonly HashSet<string> SupportedConstraints = new(StringComparer.OrdinalIgnoreCase)
    {
        "int", "long", "bool", "datetime", "decimal", "double", "float", "guid",
        "alpha", "minlength", "maxlength", "length", "min", "max", "range", "regex",
    };

    /// <exception cref="InvalidOperationException">The pattern lies outside the route prefix.</exception>
    public static string Create(string functionName, RoutePattern pattern, string routePrefix)
    {
        var prefixSegments = routePrefix.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = pattern.PathSegments;
        for (var i = 0; i < prefixSegments.Length; i++)
        {
            if (i >= segments.Count
                || segments[i].Parts is not [RoutePatternLiteralPart literal]
                || !string.Equals(literal.Content, prefixSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"HTTP function '{functionName}' is mapped at '/{pattern.RawText?.TrimStart('/')}', outside the Functions host's route prefix '/{routePrefix}/': " +
                    $"the host forwards only requests under that prefix. Map the endpoint under '/{routePrefix}' " +
                    "or change extensions.http.routePrefix in host.json.");
            }
        }

        return string.Join('/', segments.Skip(prefixSegments.Length).Select(Segment));
    }

    private static string Segment(RoutePatternPathSegment segment)
    {
        var text = new StringBuilder();
        foreach (var part in segment.Parts)
        {
            switch (part)
            {
                case RoutePatternLiteralPart literal:
                    text.Append(EscapeBraces(literal.Content));
                    break;
                case RoutePatternSeparatorPart separator:
                    text.Append(separator.Content);
                    break;
                case RoutePatternParameterPart parameter:
                    AppendParameter(text, parameter);
                    break;
            }
        }

        return text.ToString();
    }

    private static void AppendParameter(StringBuilder text, RoutePatternParameterPart parameter)
    {
        text.Append('{');

        // '**' (keep slashes when generating links) means nothing to the host; '*' matches the same.
        if (parameter.IsCatchAll)
        {
            text.Append('*');
        }

        text.Append(parameter.Name);
        foreach (var policy in parameter.ParameterPolicies)
        {
            if (policy.Content is { } constraint && SupportedConstraints.Contains(ConstraintName(constraint)))
            {
                text.Append(':').Append(EscapeBraces(constraint));
            }
        }

        if (parameter.Default is { } defaultValue)
        {
            text.Append('=').Append(EscapeBraces(Convert.ToString(defaultValue, CultureInfo.InvariantCulture) ?? string.Empty));
        }
        else if (parameter.IsOptional)
        {
            text.Append('?');
        }

        text.Append('}');
    }

    private static string ConstraintName(string constraint)
    {
        var open = constraint.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? constraint : constraint[..open];
    }

    // Route templates write a literal brace twice; the parsed pattern holds it once.
    private static string EscapeBraces(string text) =>
        text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal);
}
