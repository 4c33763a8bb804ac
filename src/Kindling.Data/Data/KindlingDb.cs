using Kindling.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kindling.Data;

public class KindlingDb(DbContextOptions<KindlingDb> options)
    : IdentityDbContext<AppUser>(options),
        IDataProtectionKeyContext
{
    public DbSet<Curriculum> Curricula => Set<Curriculum>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<Cohort> Cohorts => Set<Cohort>();
    public DbSet<CohortMember> CohortMembers => Set<CohortMember>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<SetupToken> SetupTokens => Set<SetupToken>();
    public DbSet<LiveDocument> LiveDocuments => Set<LiveDocument>();
    public DbSet<LiveSection> LiveSections => Set<LiveSection>();
    public DbSet<LiveResponse> LiveResponses => Set<LiveResponse>();
    public DbSet<LiveEvent> LiveEvents => Set<LiveEvent>();
    public DbSet<BreakoutRound> BreakoutRounds => Set<BreakoutRound>();
    public DbSet<BreakoutGroup> BreakoutGroups => Set<BreakoutGroup>();
    public DbSet<BreakoutMember> BreakoutMembers => Set<BreakoutMember>();
    public DbSet<LiveQuestion> LiveQuestions => Set<LiveQuestion>();
    public DbSet<LiveQuestionVote> LiveQuestionVotes => Set<LiveQuestionVote>();
    public DbSet<SessionFeedback> SessionFeedback => Set<SessionFeedback>();
    public DbSet<AssignmentTemplate> AssignmentTemplates => Set<AssignmentTemplate>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectMember> ProjectMembers => Set<ProjectMember>();
    public DbSet<Worksheet> Worksheets => Set<Worksheet>();
    public DbSet<WorksheetVersion> WorksheetVersions => Set<WorksheetVersion>();
    public DbSet<WorksheetReviewer> WorksheetReviewers => Set<WorksheetReviewer>();
    public DbSet<WorksheetComment> WorksheetComments => Set<WorksheetComment>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<ConcernReport> ConcernReports => Set<ConcernReport>();
    public DbSet<ConcernEvent> ConcernEvents => Set<ConcernEvent>();
    public DbSet<SessionWrapUp> SessionWrapUps => Set<SessionWrapUp>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<PeerRound> PeerRounds => Set<PeerRound>();
    public DbSet<PeerReview> PeerReviews => Set<PeerReview>();
    public DbSet<LessonVersion> LessonVersions => Set<LessonVersion>();
    public DbSet<LessonVersionAnswer> LessonVersionAnswers => Set<LessonVersionAnswer>();
    public DbSet<CohortLessonPin> CohortLessonPins => Set<CohortLessonPin>();
    public DbSet<BuiltInCurriculumSync> BuiltInCurriculumSyncs => Set<BuiltInCurriculumSync>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(KindlingDb).Assembly);
    }

    /// <summary>Every DateTime is a UTC instant; SQLite forgets the kind, so restore it on read.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        c.Properties<DateTime>().HaveConversion<UtcConverter>();
        c.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    // Public because each provider's compiled model (in its migrations assembly) creates them.
    public sealed class UtcConverter()
        : ValueConverter<DateTime, DateTime>(
            v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc)
        );

    public sealed class NullableUtcConverter()
        : ValueConverter<DateTime?, DateTime?>(
            v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime()) : v,
            v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v
        );
}
