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
        // The uploader's content type is never kept: Kam serves the type of the extension it checked.
        _ = contentType;
        return await SaveAsync(accountId, null, fileName, length, kind, content, ct);
    }

    /// <summary>A file for a service case, by whoever works on the case (its handler, the head, the assistant).</summary>
    public async Task<Result<Guid>> UploadToCase(Guid caseId, string fileName, long length, Stream content, CancellationToken ct = default)
    {
        var found = await db.Read<Service.ServiceCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
            return Error.NotFound("case.not_found");
        if (!Service.ServiceAccess.Handles(me, found))
            return Error.Forbidden("case.not_handler");
        if (found.Status == Service.CaseStatus.Closed)
            return Error.Conflict("case.closed");
        return await SaveAsync(found.AccountId, caseId, fileName, length, AttachmentKind.Other, content, ct);
    }

    /// <summary>The files of a case (the case's own scope has been checked by the caller).</summary>
    public async Task<IReadOnlyList<AttachmentRow>> OfCase(Guid caseId, CancellationToken ct = default) =>
        await (from a in db.Unscoped<Attachment>().AsNoTracking()
               where a.CaseId == caseId && a.ArchivedAt == null
               orderby a.CreatedAt
               select new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.Kind,
                   db.Unscoped<User>().Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault(), a.CreatedAt)).ToListAsync(ct);

    private async Task<Result<Guid>> SaveAsync(Guid accountId, Guid? caseId, string fileName, long length, AttachmentKind kind, Stream content, CancellationToken ct)
    {
        var (refused, name, extension, header) = await FileTypes.CheckUploadAsync(fileName, length, content, options.Value.Extensions, options.Value.MaxBytes, ct);
        if (refused is not null)
            return refused;
        var attachment = new Attachment
        {
            AccountId = accountId,
            CaseId = caseId,
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
