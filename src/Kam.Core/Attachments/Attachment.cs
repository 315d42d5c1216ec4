using Kam.Core.Common;

namespace Kam.Core.Attachments;

public enum AttachmentKind
{
    BusinessLicence,
    Agreement,
    Other,
}

/// <summary>A document kept with an account (business licence, signed agreement...), stored under Kam:DataDir.</summary>
[Scoped(Scope.Account)]
public class Attachment : Entity, IBelongsToAccount, IArchivable
{
    public Guid AccountId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public AttachmentKind Kind { get; set; }

    /// <summary>The service case it was uploaded to (a photo of the damage, the customer's letter): shown on the case and
    /// among the account's documents.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>The name in the file store; never derived from what the user uploaded.</summary>
    public string StoredName { get; set; } = "";

    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>Where uploaded files live: a directory (shared by all servers) or, later, an S3-compatible store.</summary>
public interface IFileStore
{
    Task SaveAsync(string name, Stream content, CancellationToken ct);

    Stream? Open(string name);
}

public sealed class AttachmentOptions
{
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    public string[] Extensions { get; set; } = [".pdf", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx"];
}
