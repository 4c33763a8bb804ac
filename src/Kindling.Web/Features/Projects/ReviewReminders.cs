using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Messages;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Projects;

/// <summary>
/// Reminds a project's managers when its review is due (<see cref="Project.ReviewDueUtc"/>): once per due date.
/// "Once" is read from the notifications themselves: a manager who has a review reminder for the project written on
/// or after the due date is not reminded again; marking the review done moves the due date, and the next one comes
/// then. Each project is handled in a transaction that first takes its row lock, so two instances remind once.
/// </summary>
public sealed class ReviewReminders(KindlingDb db, Messenger messenger, TimeProvider clock)
{
    public static string Link(Project p) => $"/cohorts/{p.CohortId}/projects/{p.Id}";

    /// <summary>Writes every review reminder due now; returns how many people were reminded.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The due date is computed (months after the last review): few projects, filtered here rather than in SQL.
        var projects = await db.Projects.AsNoTracking().ToListAsync(ct);
        var reminded = 0;
        foreach (var p in projects.Where(p => p.ReviewDueUtc <= now))
            reminded += await RemindAsync(p.Id, ct);
        return reminded;
    }

    private async Task<int> RemindAsync(Guid projectId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db
            .Projects.Where(p => p.Id == projectId)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.ReviewIntervalMonths, p => p.ReviewIntervalMonths), ct);
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null || project.ReviewDueUtc > clock.GetUtcNow().UtcDateTime)
            return 0;
        var (link, due) = (Link(project), project.ReviewDueUtc);
        var people = await db
            .ProjectMembers.Where(m => m.ProjectId == projectId)
            .Where(m =>
                !db.Notifications.Any(n =>
                    n.UserId == m.UserId
                    && n.Kind == MessageKind.ReviewReminder
                    && n.Link == link
                    && n.CreatedUtc >= due
                )
            )
            .Select(m => m.UserId)
            .ToListAsync(ct);
        if (people.Count == 0)
            return 0;
        var cohort = await db.Cohorts.Where(c => c.Id == project.CohortId).Select(c => c.Name).SingleAsync(ct);
        await messenger.NotifyAsync(
            db,
            people,
            new Message(MessageKind.ReviewReminder, $"Time to review {project.Name}", link, "Open the project")
            {
                Summary = $"Your plan was last reviewed more than {Months(project.ReviewIntervalMonths)} ago.",
                Paragraphs =
                [
                    $"It is time to review the worksheets of your project {project.Name}: the plan was last reviewed "
                        + $"more than {Months(project.ReviewIntervalMonths)} ago.",
                    "Update what has changed, then label a version or mark the review done on the project's page.",
                ],
                CohortId = project.CohortId,
                CohortName = cohort,
            },
            ct
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return people.Count;
    }

    private static string Months(int n) => n == 1 ? "a month" : $"{n} months";
}

/// <summary>Looks for due project reviews once an hour.</summary>
public sealed class ReviewReminderJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReviewReminderJob> log)
    : ClockedJob(clock, log)
{
    protected override TimeSpan Every => TimeSpan.FromHours(1);
    protected override string Doing => "Writing project review reminders";

    protected override async Task RunOnceAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewReminders>().SendDueAsync();
    }
}

public static class ProjectsSetup
{
    public static void AddProjects(this IServiceCollection s)
    {
        s.AddScoped<ReviewReminders>();
        s.AddHostedService<ReviewReminderJob>();
    }
}
