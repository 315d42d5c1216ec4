using FluentValidation;
using FluentValidation.Results;

namespace Kam.Core.Common;

public static class ValidationExtensions
{
    /// <summary>Runs a validator and turns its failures into one <see cref="Error"/> keyed by camelCase field path.</summary>
    public static async Task<Error?> CheckAsync<T>(this IValidator<T> validator, T request, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        return result.IsValid ? null : ToError(result);
    }

    public static Error ToError(ValidationResult result) =>
        Error.Validation(result.Errors.Select(f => new FieldError(CamelCasePath(f.PropertyName), f.ErrorCode, f.FormattedMessagePlaceholderValues?
            .Where(p => p.Key is "MinLength" or "MaxLength" or "ComparisonValue" or "From" or "To")
            .Select(p => p.Value).ToArray() ?? [])));

    public static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
