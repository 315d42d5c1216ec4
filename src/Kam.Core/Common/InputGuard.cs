using System.Collections;
using System.Reflection;

namespace Kam.Core.Common;

/// <summary>
/// Checks what a client sent before any rule reads it, for the two kinds of value that used to reach the rules and
/// crash them: a null where Kam's input type allows none (a property declared non-nullable such as
/// <c>List&lt;OrderLineInput&gt; Lines</c> or <c>string Password</c> that came as null or was left out, and a null element
/// in a list of non-nullable elements: <c>"lines": [null]</c>), and a date outside the years a business record can
/// have (<see cref="FirstYear"/>–<see cref="LastYear"/>: the year 9999 overflowed every "next month"), and an enum
/// value that is not one of its names (<c>"tier": 999</c> was stored). Each is a field error at its JSON path.
/// </summary>
public static class InputGuard
{
    public const int FirstYear = 1900;
    public const int LastYear = 2199;
    private const int MaxDepth = 4;

    /// <summary>The field errors of one argument of an endpoint (<paramref name="name"/>: its parameter's name).</summary>
    public static IReadOnlyList<FieldError> Check(object? value, string? name = null)
    {
        var errors = new List<FieldError>();
        if (value is not null && DateOutOfRange(value))
            errors.Add(new FieldError(Camel(name ?? "date"), "field.date_range", FirstYear, LastYear));
        else if (value is Enum e && !Enum.IsDefined(e.GetType(), e))
            errors.Add(new FieldError(Camel(name ?? "value"), "field.invalid"));
        else if (value is not null && IsInput(value.GetType()))
            Walk(value, "", errors, new NullabilityInfoContext(), 0);
        return errors;
    }

    /// <summary>Kam's own request types: the records of its assemblies (services and handlers are plain classes).</summary>
    public static bool IsInput(Type type) =>
        type.IsClass && type.Namespace?.StartsWith("Kam.", StringComparison.Ordinal) == true
        && type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool DateOutOfRange(object value) => value switch
    {
        DateOnly d => d.Year is < FirstYear or > LastYear,
        DateTime d => d.Year is < FirstYear or > LastYear,
        DateTimeOffset d => d.Year is < FirstYear or > LastYear,
        _ => false,
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static void Walk(object value, string prefix, List<FieldError> errors, NullabilityInfoContext context, int depth)
    {
        if (depth > MaxDepth)
            return;
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
                continue;
            var path = prefix + Camel(property.Name);
            var current = property.GetValue(value);
            if (property.PropertyType.IsValueType)
            {
                if (current is not null && DateOutOfRange(current))
                    errors.Add(new FieldError(path, "field.date_range", FirstYear, LastYear));
                else if (current is Enum e && !Enum.IsDefined(e.GetType(), e))
                    errors.Add(new FieldError(path, "field.invalid"));
                continue;
            }
            var nullability = context.Create(property);
            if (current is null)
            {
                if (nullability.ReadState == NullabilityState.NotNull)
                    errors.Add(new FieldError(path, "field.required"));
                continue;
            }
            if (current is string)
                continue;
            if (current is IEnumerable items)
            {
                var element = nullability.ElementType ?? nullability.GenericTypeArguments.FirstOrDefault();
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        if (element?.ReadState == NullabilityState.NotNull)
                            errors.Add(new FieldError($"{path}[{index}]", "field.required"));
                    }
                    else if (DateOutOfRange(item))
                    {
                        errors.Add(new FieldError($"{path}[{index}]", "field.date_range", FirstYear, LastYear));
                    }
                    else if (item is Enum e && !Enum.IsDefined(e.GetType(), e))
                    {
                        errors.Add(new FieldError($"{path}[{index}]", "field.invalid"));
                    }
                    else if (IsInput(item.GetType()))
                    {
                        Walk(item, $"{path}[{index}].", errors, context, depth + 1);
                    }
                    index++;
                }
                continue;
            }
            if (IsInput(current.GetType()))
                Walk(current, path + ".", errors, context, depth + 1);
        }
    }
}
