using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kindling.Data;

internal sealed class OutboxMessageConfig : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.Property(x => x.ToAddress).HasMaxLength(254);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.LastError).HasMaxLength(1000);
        e.Property(x => x.UserId).HasMaxLength(450);
        // The sender's query: due messages in order.
        e.HasIndex(x => new { x.State, x.NextAttemptUtc });
        e.HasIndex(x => x.UserId);
    }
}

internal sealed class NotificationConfig : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(1000);
        e.Property(x => x.Link).HasMaxLength(500);
        e.HasIndex(x => new { x.UserId, x.CreatedUtc });
        // The hourly digest looks only for notifications still waiting for one.
        e.HasIndex(x => new { x.AwaitingDigest, x.UserId });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationPreferenceConfig : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> e)
    {
        e.HasKey(x => new { x.UserId, x.Kind });
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConcernReportConfig : IEntityTypeConfiguration<ConcernReport>
{
    public void Configure(EntityTypeBuilder<ConcernReport> e)
    {
        e.Property(x => x.What).HasMaxLength(10_000);
        e.Property(x => x.PeopleInvolved).HasMaxLength(1000);
        e.Property(x => x.ReceiptHash).HasMaxLength(64);
        e.HasIndex(x => x.ReceiptHash).IsUnique();
        e.HasIndex(x => x.CohortId);
        e.HasIndex(x => x.ClosedUtc);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        // A named reporter who deletes their account leaves the report standing, without them.
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReporterId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConcernEventConfig : IEntityTypeConfiguration<ConcernEvent>
{
    public void Configure(EntityTypeBuilder<ConcernEvent> e)
    {
        e.Property(x => x.ActorName).HasMaxLength(80);
        e.Property(x => x.Text).HasMaxLength(10_000);
        e.HasIndex(x => new { x.ReportId, x.Id });
    }
}
