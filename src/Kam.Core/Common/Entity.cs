namespace Kam.Core.Common;

/// <summary>Marks a record whose every insert, update and archive is written to the audit trail.</summary>
public interface IAudited
{
}

/// <summary>
/// A line of a computed snapshot (a commission statement's lines: thousands a run, written once). Stamped like every
/// record, but not copied into the audit trail line by line: the run and its statements, which are, stand for them.
/// </summary>
public interface ISnapshotPart
{
}

/// <summary>A record users never hard-delete: archiving sets <see cref="ArchivedAt"/> and it can be restored.</summary>
public interface IArchivable
{
    DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>
/// Base of every business record: a v7 Guid key, an optimistic-concurrency <see cref="Version"/> renewed on each
/// save, and who/when stamps filled in by the DbContext.
/// </summary>
public abstract class Entity : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }

    public Guid? CreatedById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? UpdatedById { get; set; }
}
