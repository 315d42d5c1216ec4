using Kam.Core.Attachments;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

public sealed record SignInput(DateOnly? SignedOn, Guid? Version = null);

/// <summary>The signed copy as uploaded: its name, type, length and content.</summary>
public sealed record UploadedFile(string FileName, string ContentType, long Length, Stream Content);

/// <summary>
/// The back office marks an approved contract signed: the date and the scanned signed copy, kept as an agreement
/// among the account's documents. From its start date it is in force (at once when that has come).
/// </summary>
public sealed class SignContract(IKamDb db, ContractRules rules, AccountAttachments attachments)
{
    public async Task<Result> Handle(Guid id, SignInput input, UploadedFile? file, CancellationToken ct = default)
    {
        var contract = await db.Read<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return Error.NotFound("contract.not_found");
        if (!rules.Manages)
            return Error.Forbidden("contract.only_back_office");
        if (input.Version is { } version && version != contract.Version)
            return Error.Conflict();
        if (contract.Status != ContractStatus.Approved || contract.ArchivedAt is not null)
            return Error.Conflict("contract.not_approved");
        var errors = new List<FieldError>();
        if (input.SignedOn is not { } signedOn)
            errors.Add(new FieldError("signedOn", "contract.signed_on_required"));
        else if (signedOn > rules.Today)
            errors.Add(new FieldError("signedOn", "contract.signed_on_future"));
        if (file is null || file.Length == 0)
            errors.Add(new FieldError("file", "contract.signed_copy_required"));
        if (errors.Count > 0)
            return Error.Validation(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var uploaded = await attachments.Upload(contract.AccountId, file!.FileName, file.ContentType, file.Length, AttachmentKind.Agreement, file.Content, ct);
        if (!uploaded.IsSuccess)
            return uploaded.Error!;
        if (input.Version is { } seen)
            db.Entry(contract).Property(c => c.Version).OriginalValue = seen;
        contract.SignedOn = input.SignedOn;
        contract.SignedCopyId = uploaded.Value;
        contract.Status = ContractLifecycle.RunningStatus(contract, rules.Today);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        await tx.CommitAsync(ct);
        return Result.Success;
    }
}
