using Kam.Core.Attachments;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kam.Core.Expenses;

/// <summary>
/// Receipts (票据) of a claim: a photo or a PDF, uploaded by the claimant while the claim is open, checked like every
/// upload (extension, size, first bytes), stored under Kam:DataDir and served to whoever may see the claim.
/// </summary>
public sealed class ClaimReceipts(IKamDb db, ICurrentUser me, IFileStore files, IOptions<AttachmentOptions> options)
{
    public static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp", ".gif", ".pdf"];

    public async Task<Result<ExpenseReceiptView>> Upload(Guid claimId, string fileName, long length, Stream content, CancellationToken ct = default)
    {
        var claim = await db.Read<ExpenseClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
            return Error.NotFound("expense.claim_not_found");
        if (claim.ClaimantId != me.Id)
            return Error.Forbidden("expense.claim_not_yours");
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Rejected))
            return Error.Conflict("expense.claim_locked");
        if (await db.Unscoped<ExpenseReceipt>().CountAsync(r => r.ClaimId == claimId, ct) >= SaveClaim.MaxLines * 2)
            return Error.Validation("file", "expense.too_many_receipts", SaveClaim.MaxLines * 2);
        var (refused, name, extension, header) = await FileTypes.CheckUploadAsync(fileName, length, content, Extensions, options.Value.MaxBytes, ct);
        if (refused is not null)
            return refused;
        var receipt = new ExpenseReceipt { ClaimId = claimId, FileName = name, ContentType = FileTypes.ContentTypeOf(extension), Size = length };
        receipt.StoredName = $"receipts/{claimId:N}/{receipt.Id:N}{extension}";
        await files.SaveAsync(receipt.StoredName, new PrefixedStream(header, content), ct);
        db.Unscoped<ExpenseReceipt>().Add(receipt);
        await db.SaveChangesAsync(ct);
        return new ExpenseReceiptView(receipt.Id, receipt.FileName, receipt.ContentType, receipt.Size);
    }

    public async Task<Result<(ExpenseReceiptView Receipt, Stream Content)>> Download(Guid id, CancellationToken ct = default)
    {
        var receipt = await db.Read<ExpenseReceipt>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (receipt is null || files.Open(receipt.StoredName) is not { } stream)
            return Error.NotFound("expense.receipt_not_found");
        return (new ExpenseReceiptView(receipt.Id, receipt.FileName, FileTypes.ContentTypeOf(Path.GetExtension(receipt.StoredName)), receipt.Size), stream);
    }
}
