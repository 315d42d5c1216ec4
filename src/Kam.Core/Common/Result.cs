namespace Kam.Core.Common;

/// <summary>What kind of expected failure happened; the web layer maps each to an HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Forbidden,
    Conflict,
}

/// <summary>A field-level problem. <see cref="Code"/> is a stable English resource key, e.g. <c>user.username_taken</c>.</summary>
public sealed record FieldError(string Field, string Code, params object[] Args);

/// <summary>An expected failure: a value, never an exception.</summary>
public sealed record Error(ErrorKind Kind, string Code, IReadOnlyList<FieldError> Fields)
{
    public static Error Validation(IEnumerable<FieldError> fields) => new(ErrorKind.Validation, "validation_failed", fields.ToList());

    public static Error Validation(string field, string code, params object[] args) => Validation([new FieldError(field, code, args)]);

    public static Error NotFound(string code = "not_found") => new(ErrorKind.NotFound, code, []);

    public static Error Forbidden(string code = "forbidden") => new(ErrorKind.Forbidden, code, []);

    public static Error Conflict(string code = "concurrency_conflict") => new(ErrorKind.Conflict, code, []);
}

public readonly struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public static Result Success { get; } = new(null);

    public static implicit operator Result(Error error) => new(error);
}

public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Code}");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
