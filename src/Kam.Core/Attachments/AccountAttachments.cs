using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kam.Core.Attachments;

public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long Size, AttachmentKind Kind, string? UploadedBy, DateTimeOffset UploadedAt);

/// <summary>Uploads (type and size checked) and downloads of an account's documents, only for those who see the account.</summary>
public sealed class AccountAttachments(IKamDb db, ICurrentUser me, IFileStore files, IOptions<AttachmentOptions> options)
{
    public async Task<Result<IReadOnlyList<AttachmentRow>>> List(Guid accountId, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        var rows = await (from a in db.Read<Attachment>().AsNoTracking()
                          where a.AccountId == accountId && a.ArchivedAt == null
                          orderby a.CreatedAt descending
                          select new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.Kind,
                              db.Unscoped<User>().Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault(), a.CreatedAt)).ToListAsync(ct);
        return rows;
    }

    public async Task<Result<Guid>> Upload(Guid accountId, string fileName, string contentType, long length, AttachmentKind kind, Stream content, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        if (!DataScope.EditsAccounts(me))
            return Error.Forbidden();
        var (refused, name, extension, header) = await FileTypes.CheckUploadAsync(fileName, length, content, options.Value.Extensions, options.Value.MaxBytes, ct);
        if (refused is not null)
            return refused;
        // The uploader's content type is never kept: Kam serves the type of the extension it checked.
        _ = contentType;
        var attachment = new Attachment
        {
            AccountId = accountId,
            FileName = name,
            ContentType = FileTypes.ContentTypeOf(extension),
            Size = length,
            Kind = kind,
        };
        attachment.StoredName = $"{accountId:N}/{attachment.Id:N}{extension}";
        await files.SaveAsync(attachment.StoredName, new PrefixedStream(header, content), ct);
        db.Unscoped<Attachment>().Add(attachment);
        await db.SaveChangesAsync(ct);
        return attachment.Id;
    }

    public async Task<Result<(AttachmentRow Row, Stream Content)>> Download(Guid id, CancellationToken ct = default)
    {
        var attachment = await db.Read<Attachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ArchivedAt == null, ct);
        // The account's scope decides: an attachment of an account you cannot see does not exist for you.
        if (attachment is null || !await db.Read<Account>().AnyAsync(a => a.Id == attachment.AccountId, ct))
            return Error.NotFound("attachment.not_found");
        var stream = files.Open(attachment.StoredName);
        if (stream is null)
            return Error.NotFound("attachment.not_found");
        // Served as the type of its extension, whatever was stored before uploads were checked.
        var type = FileTypes.ContentTypeOf(Path.GetExtension(attachment.StoredName));
        return (new AttachmentRow(attachment.Id, attachment.FileName, type, attachment.Size, attachment.Kind, null, attachment.CreatedAt), stream);
    }
}
