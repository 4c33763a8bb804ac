using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kindling.Data;

internal sealed class SessionWrapUpConfig : IEntityTypeConfiguration<SessionWrapUp>
{
    public void Configure(EntityTypeBuilder<SessionWrapUp> e)
    {
        e.HasKey(x => x.SessionId);
        e.Property(x => x.MessageSubject).HasMaxLength(200);
        e.Property(x => x.MessageMarkdown).HasMaxLength(20_000);
        e.Property(x => x.RecordingUrl).HasMaxLength(500);
        e.Property(x => x.SlidesUrl).HasMaxLength(500);
        e.HasOne<Session>().WithOne().HasForeignKey<SessionWrapUp>(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceConfig : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> e)
    {
        e.ToTable("Attendance");
        e.HasKey(x => new { x.SessionId, x.UserId });
        e.Property(x => x.Note).HasMaxLength(200);
        e.Ignore(x => x.Present);
        e.HasIndex(x => x.UserId);
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerRoundConfig : IEntityTypeConfiguration<PeerRound>
{
    public void Configure(EntityTypeBuilder<PeerRound> e)
    {
        e.Property(x => x.TemplateSlug).HasMaxLength(80);
        e.Property(x => x.Mode).HasMaxLength(20);
        e.Property(x => x.BalanceField).HasMaxLength(40);
        e.HasIndex(x => x.CohortId);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeerReviewConfig : IEntityTypeConfiguration<PeerReview>
{
    public void Configure(EntityTypeBuilder<PeerReview> e)
    {
        e.HasIndex(x => new
            {
                x.RoundId,
                x.ReviewerId,
                x.WorksheetId,
            })
            .IsUnique();
        e.HasIndex(x => x.WorksheetId);
        e.HasIndex(x => x.ReviewerId);
        e.HasOne<PeerRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.ReviewerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LessonVersionConfig : IEntityTypeConfiguration<LessonVersion>
{
    public void Configure(EntityTypeBuilder<LessonVersion> e)
    {
        e.HasIndex(x => new { x.LessonId, x.Number }).IsUnique();
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Origin).HasMaxLength(20);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasOne<Lesson>().WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LessonVersionAnswerConfig : IEntityTypeConfiguration<LessonVersionAnswer>
{
    public void Configure(EntityTypeBuilder<LessonVersionAnswer> e)
    {
        e.HasKey(x => new { x.LessonVersionId, x.FeedbackId });
        e.HasIndex(x => x.FeedbackId);
        e.HasOne<LessonVersion>().WithMany().HasForeignKey(x => x.LessonVersionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<SessionFeedback>().WithMany().HasForeignKey(x => x.FeedbackId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortLessonPinConfig : IEntityTypeConfiguration<CohortLessonPin>
{
    public void Configure(EntityTypeBuilder<CohortLessonPin> e)
    {
        e.HasKey(x => new { x.CohortId, x.LessonId });
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Lesson>().WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<LessonVersion>().WithMany().HasForeignKey(x => x.LessonVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
