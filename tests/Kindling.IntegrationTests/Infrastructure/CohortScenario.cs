using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.IntegrationTests.Infrastructure;

/// <summary>A cohort on the built-in curriculum with one member of each role, an outsider and an admin who is not a
/// member.</summary>
public sealed class CohortScenario
{
    public const string Password = "correct-staple-lantern-42";
    public required KindlingApp App { get; init; }
    public required Guid CohortId { get; init; }
    public required Guid SessionId { get; init; }
    public required Dictionary<string, AppUser> Users { get; init; }

    public static readonly string[] Roles = ["outsider", "observer", "participant", "facilitator", "admin"];

    public static async Task<CohortScenario> CreateAsync(KindlingApp app, string cohortZone = "Europe/London")
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var users = new Dictionary<string, AppUser>
        {
            ["facilitator"] = await app.CreateUserAsync(
                $"fac-{tag}@example.org",
                Password,
                "Europe/London",
                InstanceRoles.Facilitator
            ),
            ["participant"] = await app.CreateUserAsync($"par-{tag}@example.org", Password, "Asia/Tokyo"),
            ["observer"] = await app.CreateUserAsync($"obs-{tag}@example.org", Password, "America/New_York"),
            ["outsider"] = await app.CreateUserAsync($"out-{tag}@example.org", Password, "UTC"),
            ["admin"] = await app.CreateUserAsync(
                $"adm-{tag}@example.org",
                Password,
                "UTC",
                InstanceRoles.Admin,
                InstanceRoles.Facilitator
            ),
        };
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var (cohortId, sessionId) = await app.WithDbAsync(async db =>
        {
            var curriculum = await db.Curricula.Include(c => c.Lessons).FirstAsync(c => c.Slug == "foundations");
            var cohort = new Cohort
            {
                Name = $"Spring cohort {tag}",
                TimeZoneId = cohortZone,
                CurriculumId = curriculum.Id,
                Guidelines = "Take space, make space.",
                CodeOfConduct = "Be kind.",
                CalendarToken = $"cal{tag}{Guid.NewGuid():N}",
                CreatedUtc = now,
                CreatedById = users["facilitator"].Id,
            };
            cohort.AddMember(users["facilitator"].Id, CohortRole.Facilitator, now).AcknowledgedUtc = now;
            cohort.AddMember(users["participant"].Id, CohortRole.Participant, now).AcknowledgedUtc = now;
            cohort.AddMember(users["observer"].Id, CohortRole.Observer, now).AcknowledgedUtc = now;
            var session = new Session
            {
                CohortId = cohort.Id,
                LessonId = curriculum.Lessons.OrderBy(l => l.Order).First().Id,
                StartsUtc = now.AddDays(7),
                JoinUrl = "https://meet.example.org/spring",
                CreatedUtc = now,
                UpdatedUtc = now,
            };
            db.Cohorts.Add(cohort);
            db.Sessions.Add(session);
            await db.SaveChangesAsync();
            return (cohort.Id, session.Id);
        });
        return new CohortScenario
        {
            App = app,
            CohortId = cohortId,
            SessionId = sessionId,
            Users = users,
        };
    }

    public async Task<PageClient> ClientAsAsync(string role)
    {
        var client = App.Client();
        await client.SignInAsync(Users[role].Email!, Password);
        return client;
    }
}
