using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kindling.Data;

internal sealed class AssignmentTemplateConfig : IEntityTypeConfiguration<AssignmentTemplate>
{
    public void Configure(EntityTypeBuilder<AssignmentTemplate> e)
    {
        e.Property(x => x.Slug).HasMaxLength(80);
        e.Property(x => x.LessonSlug).HasMaxLength(80);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.EditedById).HasMaxLength(450);
        e.HasIndex(x => new { x.CurriculumId, x.Slug }).IsUnique();
        e.HasOne<Curriculum>().WithMany().HasForeignKey(x => x.CurriculumId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectConfig : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.Property(x => x.Name).HasMaxLength(120);
        e.Property(x => x.Description).HasMaxLength(2000);
        e.Property(x => x.CharterSlug).HasMaxLength(80);
        e.HasIndex(x => x.CharterSlug).IsUnique();
        e.HasIndex(x => x.CohortId);
        e.HasOne<Cohort>().WithMany().HasForeignKey(x => x.CohortId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectMemberConfig : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> e)
    {
        e.HasKey(x => new { x.ProjectId, x.UserId });
        e.HasIndex(x => x.UserId);
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorksheetConfig : IEntityTypeConfiguration<Worksheet>
{
    public void Configure(EntityTypeBuilder<Worksheet> e)
    {
        e.Property(x => x.TemplateSlug).HasMaxLength(80);
        e.Property(x => x.LessonSlug).HasMaxLength(80);
        e.Property(x => x.Title).HasMaxLength(200);
        e.HasIndex(x => x.ProjectId);
        e.HasIndex(x => new { x.CohortId, x.SharedUtc });
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorksheetVersionConfig : IEntityTypeConfiguration<WorksheetVersion>
{
    public void Configure(EntityTypeBuilder<WorksheetVersion> e)
    {
        e.Property(x => x.Label).HasMaxLength(120);
        e.HasIndex(x => new { x.WorksheetId, x.Number }).IsUnique();
        e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorksheetReviewerConfig : IEntityTypeConfiguration<WorksheetReviewer>
{
    public void Configure(EntityTypeBuilder<WorksheetReviewer> e)
    {
        e.HasKey(x => new { x.WorksheetId, x.UserId });
        e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorksheetCommentConfig : IEntityTypeConfiguration<WorksheetComment>
{
    public void Configure(EntityTypeBuilder<WorksheetComment> e)
    {
        e.Property(x => x.FieldId).HasMaxLength(80);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.HasIndex(x => x.WorksheetId);
        e.HasOne<Worksheet>().WithMany().HasForeignKey(x => x.WorksheetId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}
