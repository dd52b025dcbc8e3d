using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TakeUp.Functions.Tests.Infra;

/// <summary>
/// A value known only when the template is deployed: a property of a resource being made, or a
/// module parameter computed from one. It keeps its expression, so a test can still see what
/// it refers to (which identity's client id, which vault).
/// </summary>
internal sealed record Deferred(string Expression)
{
    public override string ToString() => $"«{Expression}»";
}

/// <summary>
/// Finishes the evaluation <c>bicep snapshot</c> leaves undone. The snapshot works out every
/// expression it can offline and leaves the rest as ARM expressions: those that read a resource
/// being made (<c>reference()</c>) or a secure parameter, which it never reads. This evaluates
/// the few functions such leftovers use, with the parameter values the test deployed with;
/// what only a deployment could know stays <see cref="Deferred"/>. A function it does not know
/// fails the test rather than guess.
/// </summary>
internal static class ArmExpression
{
    /// <summary>A JSON value from a snapshot, with every expression string in it evaluated.</summary>
    public static object? Evaluate(JsonNode? node, ArmScope scope) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => Evaluate(p.Value, scope), StringComparer.Ordinal),
        JsonArray array => array.Select(item => Evaluate(item, scope)).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => EvaluateString(value.GetValue<string>(), scope),
        _ => FromJson(node),
    };

    public static object? EvaluateString(string text, ArmScope scope)
    {
        if (!text.StartsWith('[') || !text.EndsWith(']'))
        {
            return text;
        }

        // "[[" escapes a literal string that begins with a bracket.
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return text[1..];
        }

        var parser = new Parser(text[1..^1], scope);
        var result = parser.ParseExpression();
        parser.ExpectEnd();
        return result;
    }

    /// <summary>Plain JSON as the evaluator's values: dictionaries, lists, strings, longs, booleans.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => obj.ToDictionary(p => p.Key, p => FromJson(p.Value), StringComparer.Ordinal),
        JsonArray array => array.Select(FromJson).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.GetValue<long>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    private sealed class Parser(string text, ArmScope scope)
    {
        private int _position;

        private char Current => _position < text.Length ? text[_position] : '\0';

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position != text.Length)
            {
                throw Error("end of the expression");
            }
        }

        public object? ParseExpression()
        {
            SkipSpace();
            var start = _position;
            object? value = Current switch
            {
                '\'' => ParseString(),
                _ when char.IsDigit(Current) || Current == '-' => ParseNumber(),
                _ => ParseCall(),
            };

            while (true)
            {
                SkipSpace();
                if (Current == '.')
                {
                    _position++;
                    var name = ParseIdentifier();
                    value = Member(value, name, text[start.._position]);
                }
                else if (Current == '[')
                {
                    _position++;
                    var index = ParseExpression();
                    Expect(']');
                    value = Index(value, index, text[start.._position]);
                }
                else
                {
                    return value;
                }
            }
        }

        private object? ParseCall()
        {
            var start = _position;
            var name = ParseIdentifier();
            Expect('(');
            var arguments = new List<object?>();
            SkipSpace();
            if (Current != ')')
            {
                do
                {
                    arguments.Add(ParseExpression());
                    SkipSpace();
                }
                while (TryTake(','));
            }

            Expect(')');
            return Call(name, arguments, text[start.._position]);
        }

        private object? Call(string name, List<object?> arguments, string expression)
        {
            switch (name)
            {
                case "parameters":
                    return scope.Parameter((string)arguments[0]!, expression);
                case "variables":
                    return scope.Variable((string)arguments[0]!, expression);
                case "reference" or "unknown" or "list" or "listKeys":
                    return new Deferred(expression);
                case "createObject":
                    var created = new Dictionary<string, object?>(StringComparer.Ordinal);
                    for (var i = 0; i + 1 < arguments.Count; i += 2)
                    {
                        created[arguments[i] as string ?? throw new InvalidOperationException($"A property name known only at deployment: {arguments[i]} in {expression}")] = arguments[i + 1];
                    }

                    return created;
                case "createArray":
                    return arguments;
                case "union":
                    if (arguments.Any(a => a is Deferred))
                    {
                        return new Deferred(expression);
                    }

                    var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
                    foreach (var part in arguments)
                    {
                        foreach (var (key, value) in part as Dictionary<string, object?> ?? throw new NotSupportedException($"union of {part?.GetType().Name} in {expression}"))
                        {
                            merged[key] = value;
                        }
                    }

                    return merged;
                case "if":
                    return arguments[0] switch
                    {
                        bool condition => condition ? arguments[1] : arguments[2],
                        Deferred => new Deferred(expression),
                        var other => throw new InvalidOperationException($"if() on {other} in {expression}"),
                    };
                case "empty":
                    return arguments[0] switch
                    {
                        null => true,
                        string s => s.Length == 0,
                        Dictionary<string, object?> d => d.Count == 0,
                        List<object?> l => l.Count == 0,
                        Deferred => new Deferred(expression),
                        var other => throw new InvalidOperationException($"empty() of {other} in {expression}"),
                    };
                case "not":
                    return arguments[0] is bool b ? !b : new Deferred(expression);
                case "equals":
                    return arguments.Any(a => a is Deferred) ? new Deferred(expression) : Equals(arguments[0], arguments[1]);
                case "format":
                    return Format((string)arguments[0]!, arguments.Skip(1).ToList());
                case "concat":
                    return string.Concat(arguments.Select(Text));
                case "true":
                    return true;
                case "false":
                    return false;
                case "null":
                    return null;
                default:
                    throw new NotSupportedException($"ARM function {name}() is not evaluated here: {expression}");
            }
        }

        private static string Format(string format, List<object?> arguments)
        {
            var result = new StringBuilder();
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] == '{' && format.IndexOf('}', i) is var close and > 0
                    && int.TryParse(format.AsSpan(i + 1, close - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    result.Append(Text(arguments[index]));
                    i = close;
                }
                else
                {
                    result.Append(format[i]);
                }
            }

            return result.ToString();
        }

        private static string Text(object? value) => value switch
        {
            null => "",
            bool b => b ? "True" : "False",
            long n => n.ToString(CultureInfo.InvariantCulture),
            _ => value.ToString()!,
        };

        private static object? Member(object? value, string name, string expression) => value switch
        {
            Deferred => new Deferred(expression),
            Dictionary<string, object?> d => d.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
                ? found.Value
                : throw new InvalidOperationException($"No property {name} in {expression}"),
            _ => throw new InvalidOperationException($"Property {name} of {value} in {expression}"),
        };

        private static object? Index(object? value, object? index, string expression) => (value, index) switch
        {
            (Deferred, _) or (_, Deferred) => new Deferred(expression),
            (List<object?> list, long i) => list[(int)i],
            (Dictionary<string, object?>, string key) => Member(value, key, expression),
            _ => throw new InvalidOperationException($"Index {index} of {value} in {expression}"),
        };

        private string ParseString()
        {
            Expect('\'');
            var result = new StringBuilder();
            while (true)
            {
                if (_position >= text.Length)
                {
                    throw Error("a closing quote");
                }

                if (Current == '\'')
                {
                    if (_position + 1 < text.Length && text[_position + 1] == '\'')
                    {
                        result.Append('\'');
                        _position += 2;
                        continue;
                    }

                    _position++;
                    return result.ToString();
                }

                result.Append(Current);
                _position++;
            }
        }

        private long ParseNumber()
        {
            var start = _position;
            if (Current == '-')
            {
                _position++;
            }

            while (char.IsDigit(Current))
            {
                _position++;
            }

            return long.Parse(text.AsSpan(start, _position - start), CultureInfo.InvariantCulture);
        }

        private string ParseIdentifier()
        {
            SkipSpace();
            var start = _position;
            while (char.IsLetterOrDigit(Current) || Current == '_' || Current == '$')
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw Error("a name");
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (!TryTake(c))
            {
                throw Error($"'{c}'");
            }
        }

        private bool TryTake(char c)
        {
            SkipSpace();
            if (Current != c)
            {
                return false;
            }

            _position++;
            return true;
        }

        private void SkipSpace()
        {
            while (char.IsWhiteSpace(Current))
            {
                _position++;
            }
        }

        private FormatException Error(string expected) =>
            new($"Expected {expected} at {_position} in [{text}]");
    }
}

/// <summary>
/// What an expression's <c>parameters()</c> and <c>variables()</c> mean. Parameters are main.bicep's,
/// as the test gave them or by their defaults: the template passes a secure parameter on to a
/// module under its own name, which is how the module's condition on it can be decided here. A
/// module's other parameters, computed at deployment, stay deferred. Variables are the compiled
/// template's constant ones.
/// </summary>
internal sealed class ArmScope(IReadOnlyDictionary<string, object?> parameters, IReadOnlyDictionary<string, object?> variables)
{
    public object? Parameter(string name, string expression) =>
        parameters.TryGetValue(name, out var value) ? value : new Deferred(expression);

    public object? Variable(string name, string expression) =>
        variables.TryGetValue(name, out var value) ? value : new Deferred(expression);
}
