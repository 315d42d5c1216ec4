namespace Kam.Core.Common;

/// <summary>
/// Who may read the records of an entity type (domain.md "Confidential"). Every entity type the database holds
/// declares one with <see cref="ScopedAttribute"/>; <see cref="IKamDb.Read{T}"/> applies it, and
/// <see cref="IKamDb.Unscoped{T}"/> is the one explicit way past it.
/// </summary>
public enum Scope
{
    /// <summary>Through its account (<see cref="IBelongsToAccount"/>): whoever sees the account sees the record.</summary>
    Account,

    /// <summary>Through the person it belongs to (author, owner, assignee, addressee): its rule says who sees which.</summary>
    Person,

    /// <summary>A part of another record (lines, attendees, steps, notes): visible with its parent, as its rule says.</summary>
    Parent,

    /// <summary>The department's reference data (products, channel agents, handover records): every business role reads it.</summary>
    Department,

    /// <summary>The system's own data (users, roles, settings, audit, sequences, keys): not business data; the endpoints
    /// that show it authorise who reads it.</summary>
    System,
}

/// <summary>Declares the data scope of an entity type; <see cref="Rule"/> builds the condition of a
/// <see cref="Scope.Person"/> or <see cref="Scope.Parent"/> scope.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ScopedAttribute(Scope scope) : Attribute
{
    public Scope Scope { get; } = scope;

    /// <summary>A type implementing <see cref="IScopeRule{T}"/> for the entity, with a parameterless constructor.</summary>
    public Type? Rule { get; init; }
}

/// <summary>
/// The condition of a person or parent scope, built for the person asking (so that the head's query carries no
/// condition and an account manager's one that the indexes serve, rather than one filter with an "or sees all").
/// </summary>
public interface IScopeRule<T>
    where T : class
{
    IQueryable<T> Visible(IQueryable<T> all, IKamDb db, ICurrentUser me);
}
