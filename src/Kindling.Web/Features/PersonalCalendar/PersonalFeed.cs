using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Api;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Features.Schedule;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PersonalCalendar;

/// <summary>
/// One person's calendar feed: every session of each cohort they take part in, behind a secret address of their own
/// (<see cref="AppUser.CalendarToken"/>), written by the same <see cref="CalendarBuilder"/> as a cohort's feed.
/// </summary>
public static class PersonalFeed
{
    public const string Prefix = "/calendar/people/";

    public static string Path(string token) => $"{Prefix}{token}.ics";

    /// <summary>A new secret: 32 URL-safe characters (192 random bits).</summary>
    public static string NewToken() => TokenSecrets.Random(24);

    public static void MapPersonalCalendar(this IEndpointRouteBuilder app) =>
        app.MapGet(
                Prefix + "{file}",
                async (string file, KindlingDb db, LessonCache cache, PublicUrls urls, HttpContext http) =>
                {
                    if (!file.EndsWith(".ics", StringComparison.Ordinal) || file.Length is < 5 or > 80)
                        return Results.NotFound();
                    var token = file[..^4];
                    var person = await db
                        .Users.Where(u => u.CalendarToken == token)
                        .Select(u => new
                        {
                            u.Id,
                            u.TwoFactorEnabled,
                            u.LockoutEnd,
                        })
                        .FirstOrDefaultAsync();
                    // A disabled account's feed ends with its sign-in.
                    if (person is null || DisabledAccounts.IsDisabled(person.LockoutEnd))
                        return Results.NotFound();
                    var cohorts = await CohortsAsync(db, person.Id, person.TwoFactorEnabled);
                    var views = await SessionView.LoadAsync(db, cache, cohorts);
                    // Anyone holding the secret address may read it; nobody may cache it.
                    PagesSetup.MarkPrivate(http.Response);
                    return Results.Text(
                        CalendarBuilder.Build("Kindling: your sessions", views, urls.Base),
                        "text/calendar; charset=utf-8"
                    );
                }
            )
            .AllowAnonymous();

    /// <summary>
    /// The cohorts whose sessions the person's feed lists: those they take part in (guidelines acknowledged), except
    /// a cohort asking its facilitators for two-factor sign-in while they facilitate it without it — as its pages and
    /// its own feed's address stay closed to them.
    /// </summary>
    public static async Task<List<Guid>> CohortsAsync(KindlingDb db, string userId, bool twoFactorEnabled)
    {
        var seats = await (
            from m in db.CohortMembers.WhereAdmitted()
            join c in db.Cohorts on m.CohortId equals c.Id
            where m.UserId == userId
            select new
            {
                m.CohortId,
                m.Role,
                c.RequireTwoFactorForFacilitators,
            }
        ).ToListAsync();
        return seats
            .Where(s => CohortRules.MeetsTwoFactorPolicy(s.RequireTwoFactorForFacilitators, s.Role, twoFactorEnabled))
            .Select(s => s.CohortId)
            .ToList();
    }
}
