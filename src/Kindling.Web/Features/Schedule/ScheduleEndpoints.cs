using Kindling.Data;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

public static class ScheduleEndpoints
{
    public static void AddSchedule(this IServiceCollection services)
    {
        services.AddScoped<Reminders.SessionReminders>();
        services.AddHostedService<Reminders.ReminderJob>();
    }

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        // The cohort feed lives behind a secret URL so calendar apps can subscribe without signing in.
        app.MapGet(
                "/calendar/{file}",
                async (string file, KindlingDb db, LessonCache cache, PublicUrls urls, HttpContext http) =>
                {
                    if (!file.EndsWith(".ics", StringComparison.Ordinal) || file.Length > 80)
                        return Results.NotFound();
                    var token = file[..^4];
                    var cohort = await db
                        .Cohorts.Where(c => c.CalendarToken == token)
                        .Select(c => new { c.Id, c.Name })
                        .FirstOrDefaultAsync();
                    if (cohort is null)
                        return Results.NotFound();
                    var views = await SessionView.LoadAsync(db, cache, cohort.Id);
                    // Anyone holding the secret address may read it; nobody may cache it.
                    PagesSetup.MarkPrivate(http.Response);
                    return Ics(CalendarBuilder.Build(cohort.Name, views, urls.Base), null);
                }
            )
            .AllowAnonymous();

        // One session, for "add to calendar" on its page: for the cohort's members, through the cohort check.
        app.MapCohortGroup()
            .MapGet(
                "/sessions/{sessionId:guid}/calendar.ics",
                async (Guid sessionId, CurrentCohort cohort, KindlingDb db, LessonCache cache, PublicUrls urls) =>
                {
                    var view = (await SessionView.LoadAsync(db, cache, cohort.CohortId, sessionId)).FirstOrDefault();
                    if (view is null)
                        return Results.NotFound();
                    var name = $"kindling-{view.Lesson.Slug}.ics";
                    return Ics(CalendarBuilder.Build(cohort.Membership.Cohort.Name, [view], urls.Base), name);
                }
            );
    }

    private static IResult Ics(string text, string? downloadName) =>
        downloadName is null
            ? Results.Text(text, "text/calendar; charset=utf-8")
            : Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", downloadName);
}
