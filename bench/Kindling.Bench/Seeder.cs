using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kindling.Bench;

/// <summary>The seeded session: its id and the participants' e-mail addresses (all share <see
/// cref="Seeder.Password"/>), and its facilitator's when one was asked for.</summary>
public sealed record SeededSession(Guid SessionId, IReadOnlyList<string> Emails, string? FacilitatorEmail = null);

/// <summary>
/// Writes the participants, a cohort, their acknowledged memberships and a session starting in five minutes (so the
/// live document opens when the first member joins) straight into the database. Nothing in the product is bypassed
/// afterwards: every participant signs in through the sign-in page and joins through the hub.
/// </summary>
public static class Seeder
{
    public const string Password = "bench-lantern-staple-42";

    /// <param name="withFacilitator">Also a facilitator of the cohort (not counted in <paramref name="count"/>), for
    /// the scenarios in which someone runs the session.</param>
    public static async Task<SeededSession> SeedAsync(
        string provider,
        string connectionString,
        int count,
        bool withFacilitator = false
    )
    {
        var builder = new DbContextOptionsBuilder<KindlingDb>();
        builder.UseKindlingDatabase(provider, connectionString);
        var options = builder.Options;
        await using var db = new KindlingDb(options);
        var now = DateTime.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..8];
        var curriculum =
            await db.Curricula.Include(c => c.Lessons).OrderBy(c => c.Slug).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("The instance has no curriculum loaded yet.");
        // One hash at the app's cost (210,000 iterations), shared by every participant: hashing 1,000 times would take
        // minutes.
        var hasher = new PasswordHasher<AppUser>(
            Options.Create(new PasswordHasherOptions { IterationCount = 210_000 })
        );
        var hash = hasher.HashPassword(new AppUser(), Password);
        var emails = new List<string>(count);
        var cohort = new Cohort
        {
            Name = $"Load test {tag}",
            CurriculumId = curriculum.Id,
            Guidelines = "Benchmark.",
            CodeOfConduct = "Benchmark.",
            CalendarToken = $"bench{tag}{Guid.NewGuid():N}",
            CreatedUtc = now,
        };
        string? facilitator = null;
        for (var i = withFacilitator ? -1 : 0; i < count; i++)
        {
            var email = i < 0 ? $"bench-{tag}-facilitator@example.org" : $"bench-{tag}-{i:D4}@example.org";
            var user = new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                LockoutEnabled = true,
                DisplayName = i < 0 ? "Facilitator" : $"Participant {i:D4}",
                TimeZoneId = "UTC",
                CreatedUtc = now,
            };
            db.Users.Add(user);
            if (cohort.CreatedById.Length == 0)
                cohort.CreatedById = user.Id;
            var role = i < 0 ? CohortRole.Facilitator : CohortRole.Participant;
            cohort.AddMember(user.Id, role, now).AcknowledgedUtc = now;
            if (i < 0)
                facilitator = email;
            else
                emails.Add(email);
        }
        var session = new Session
        {
            CohortId = cohort.Id,
            LessonId = curriculum.Lessons.OrderBy(l => l.Order).First().Id,
            StartsUtc = now.AddMinutes(5),
            // Its reminders went out before: sent during a run, they would write 1,000 mails in the background.
            DayReminderUtc = now,
            HourReminderUtc = now,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        db.Cohorts.Add(cohort);
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return new SeededSession(session.Id, emails, facilitator);
    }
}
