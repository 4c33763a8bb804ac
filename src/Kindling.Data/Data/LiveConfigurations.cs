using Kindling.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kindling.Data;

internal sealed class LiveDocumentConfig : IEntityTypeConfiguration<LiveDocument>
{
    public void Configure(EntityTypeBuilder<LiveDocument> e)
    {
        e.HasKey(x => x.SessionId);
        e.HasOne<Session>().WithOne().HasForeignKey<LiveDocument>(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveSectionConfig : IEntityTypeConfiguration<LiveSection>
{
    public void Configure(EntityTypeBuilder<LiveSection> e)
    {
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.Prompt).HasMaxLength(2000);
        e.Ignore(x => x.AwaitingReveal);
        e.HasIndex(x => new { x.SessionId, x.Position });
        e.HasOne<LiveDocument>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveResponseConfig : IEntityTypeConfiguration<LiveResponse>
{
    public void Configure(EntityTypeBuilder<LiveResponse> e)
    {
        e.Property(x => x.Text).HasMaxLength(10_000);
        e.HasIndex(x => new { x.SessionId, x.SectionId });
        e.HasOne<LiveDocument>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveEventConfig : IEntityTypeConfiguration<LiveEvent>
{
    public void Configure(EntityTypeBuilder<LiveEvent> e)
    {
        e.HasIndex(x => new { x.SessionId, x.Seq }).IsUnique();
        e.HasIndex(x => new { x.SessionId, x.ClientKey }).IsUnique();
        e.Property(x => x.Type).HasMaxLength(40);
        e.Property(x => x.ClientKey).HasMaxLength(64);
        e.HasOne<LiveDocument>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreakoutRoundConfig : IEntityTypeConfiguration<BreakoutRound>
{
    public void Configure(EntityTypeBuilder<BreakoutRound> e)
    {
        e.Property(x => x.Mode).HasMaxLength(20);
        e.Property(x => x.BalanceField).HasMaxLength(40);
        e.HasIndex(x => x.SessionId);
        e.HasMany(x => x.Groups).WithOne().HasForeignKey(g => g.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<LiveDocument>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreakoutGroupConfig : IEntityTypeConfiguration<BreakoutGroup>
{
    public void Configure(EntityTypeBuilder<BreakoutGroup> e)
    {
        e.Property(x => x.Name).HasMaxLength(80);
        e.HasIndex(x => new { x.RoundId, x.Number }).IsUnique();
    }
}

internal sealed class BreakoutMemberConfig : IEntityTypeConfiguration<BreakoutMember>
{
    public void Configure(EntityTypeBuilder<BreakoutMember> e)
    {
        e.HasKey(x => new { x.RoundId, x.UserId });
        e.HasOne<BreakoutRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<BreakoutGroup>().WithMany().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<AppUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveQuestionConfig : IEntityTypeConfiguration<LiveQuestion>
{
    public void Configure(EntityTypeBuilder<LiveQuestion> e)
    {
        e.Property(x => x.Text).HasMaxLength(2000);
        e.Property(x => x.Answer).HasMaxLength(4000);
        e.HasIndex(x => x.SessionId);
        e.HasOne<LiveDocument>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LiveQuestionVoteConfig : IEntityTypeConfiguration<LiveQuestionVote>
{
    public void Configure(EntityTypeBuilder<LiveQuestionVote> e)
    {
        e.HasKey(x => new { x.QuestionId, x.UserId });
        e.HasOne<LiveQuestion>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionFeedbackConfig : IEntityTypeConfiguration<SessionFeedback>
{
    public void Configure(EntityTypeBuilder<SessionFeedback> e)
    {
        foreach (
            var p in new[]
            {
                nameof(SessionFeedback.Worked),
                nameof(SessionFeedback.DidNotWork),
                nameof(SessionFeedback.WouldChange),
                nameof(SessionFeedback.Surprised),
                nameof(SessionFeedback.Plus),
                nameof(SessionFeedback.Delta),
            }
        )
            e.Property(p).HasMaxLength(4000);
        e.HasIndex(x => new { x.SessionId, x.AuthorId }).IsUnique();
        e.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}
