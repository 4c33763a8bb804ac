using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kindling.Data;

internal sealed class AppUserConfig : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.DisplayName).HasMaxLength(80);
        e.Property(x => x.Pronouns).HasMaxLength(40);
        e.Property(x => x.Title).HasMaxLength(120);
        e.Property(x => x.Organisation).HasMaxLength(120);
        e.Property(x => x.SocialHandles).HasMaxLength(300);
        e.Property(x => x.Feeling).HasMaxLength(120);
        e.Property(x => x.TimeZoneId).HasMaxLength(64);
        e.Property(x => x.CalendarToken).HasMaxLength(64);
        e.HasIndex(x => x.CalendarToken).IsUnique();
    }
}

internal sealed class CurriculumConfig : IEntityTypeConfiguration<Curriculum>
{
    public void Configure(EntityTypeBuilder<Curriculum> e)
    {
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(80);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Attribution).HasMaxLength(1000);
        e.HasMany(x => x.Lessons).WithOne().HasForeignKey(l => l.CurriculumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LessonConfig : IEntityTypeConfiguration<Lesson>
{
    public void Configure(EntityTypeBuilder<Lesson> e)
    {
        e.HasIndex(x => new { x.CurriculumId, x.Slug }).IsUnique();
        e.Property(x => x.Slug).HasMaxLength(80);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Status).HasMaxLength(20);
        e.Property(x => x.FileName).HasMaxLength(200);
    }
}

internal sealed class CohortConfig : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> e)
    {
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.TimeZoneId).HasMaxLength(64);
        e.Property(x => x.CalendarToken).HasMaxLength(64);
        e.HasIndex(x => x.CalendarToken).IsUnique();
        e.HasOne(x => x.Curriculum).WithMany().HasForeignKey(x => x.CurriculumId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Sessions)
            .WithOne(s => s.Cohort)
            .HasForeignKey(s => s.CohortId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CohortMemberConfig : IEntityTypeConfiguration<CohortMember>
{
    public void Configure(EntityTypeBuilder<CohortMember> e)
    {
        e.HasKey(x => new { x.CohortId, x.UserId });
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.UserId);
    }
}

internal sealed class InvitationConfig : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.Property(x => x.Token).HasMaxLength(64);
        e.HasIndex(x => x.Token).IsUnique();
        e.HasIndex(x => x.CohortId);
        e.Property(x => x.Uses).IsConcurrencyToken();
        e.Property(x => x.Email).HasMaxLength(254);
    }
}

internal sealed class SessionConfig : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.Property(x => x.JoinUrl).HasMaxLength(500);
        e.Property(x => x.NotesUrl).HasMaxLength(500);
        e.Property(x => x.SlidesUrl).HasMaxLength(500);
        e.HasOne(x => x.Lesson).WithMany().HasForeignKey(x => x.LessonId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.LessonVersion)
            .WithMany()
            .HasForeignKey(x => x.LessonVersionId)
            .OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.CohortId, x.StartsUtc });
        e.Ignore(x => x.EndsUtc);
    }
}

internal sealed class BuiltInCurriculumSyncConfig : IEntityTypeConfiguration<BuiltInCurriculumSync>
{
    public void Configure(EntityTypeBuilder<BuiltInCurriculumSync> e)
    {
        e.HasKey(x => x.Root);
        e.Property(x => x.Root).HasMaxLength(1024);
        e.Property(x => x.Fingerprint).HasMaxLength(64);
    }
}

internal sealed class SetupTokenConfig : IEntityTypeConfiguration<SetupToken>
{
    public void Configure(EntityTypeBuilder<SetupToken> e) => e.Property(x => x.TokenHash).HasMaxLength(128);
}
