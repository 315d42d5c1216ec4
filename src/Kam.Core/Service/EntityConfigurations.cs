using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Service;

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    public void Configure(EntityTypeBuilder<ServiceCase> b)
    {
        b.ToTable("ServiceCases");
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Severity).HasConversion<int>();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Category).HasMaxLength(32).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Involved).HasMaxLength(400);
        b.Property(x => x.FirstResponse).HasMaxLength(2000);
        b.Property(x => x.Resolution).HasMaxLength(2000);
        b.Property(x => x.RootCause).HasMaxLength(2000);
        b.Property(x => x.CorrectiveAction).HasMaxLength(2000);
        b.Property(x => x.CustomerFeedback).HasMaxLength(2000);
        b.Property(x => x.CloseNote).HasMaxLength(2000);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.HandlerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.AccountId, x.ReceivedAt });
        b.HasIndex(x => new { x.HandlerId, x.Status });
        // The complaint figures of a period read from this index alone (a case's row carries its long texts).
        b.HasIndex(x => new
        {
            x.ReceivedAt,
            x.HandlerId,
            x.Status,
            x.ResponseMinutes,
            x.ResolutionMinutes,
            x.ResponseBreachedAt,
            x.ResolutionBreachedAt,
            x.ReopenCount,
            x.CustomerSatisfied
        });
        // The reminders' and the overdue list's questions: open cases by deadline.
        b.HasIndex(x => new { x.Status, x.ResponseDueAt });
        b.HasIndex(x => new { x.Status, x.ResolutionDueAt });
        b.HasIndex(x => x.VisitId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("CaseEvents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasOne<ServiceCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CaseId, x.At });
    }
}

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> b)
    {
        b.ToTable("SurveyTemplates");
        b.Property(x => x.Name).HasMaxLength(100).IsRequired();
        b.Property(x => x.Occasion).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.AccountCategory).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Questions).IsRequired();
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("FollowUps");
        b.Property(x => x.Occasion).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.AnsweredVia).HasConversion<string>().HasMaxLength(8);
        b.Property(x => x.Key).HasMaxLength(80).IsRequired();
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Questions).IsRequired();
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.CancelReason).HasMaxLength(500);
        b.Property(x => x.LinkTokenHash).HasMaxLength(64);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        // One follow-up an occasion, whichever server makes it first.
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.LinkTokenHash).IsUnique();
        b.HasIndex(x => new { x.AssigneeId, x.Status, x.DueOn });
        b.HasIndex(x => new { x.AccountId, x.Status });
        // The satisfaction index reads its figures from this index alone (the rows carry their questions and answers).
        b.HasIndex(x => new { x.Status, x.AnsweredOn, x.OwnerId, x.AccountId, x.Score, x.Nps, x.Low });
        b.HasIndex(x => new { x.Status, x.AnsweredAt });
        b.HasIndex(x => new { x.Status, x.DueOn });
        b.HasIndex(x => x.SourceId);
    }
}
