using Kindling.Data;
using Kindling.Web.Features.Cohorts;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

public static class ScheduleEndpoints
{
    public static void AddSchedule(this IServiceCollection services) { }

    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        // The cohort feed lives behind a secret URL so calendar apps can subscribe without signing in.
        app.MapGet("/calendar/{file}", async (string file, KindlingDb db, LessonCache cache, PublicUrls urls, HttpContext http) =>
        {
            if (!file.EndsWith(".ics") || file.Length > 80) return Results.NotFound();
            var token = file[..^4];
            var cohort = await db.Cohorts.Where(c => c.CalendarToken == token).Select(c => new { c.Id, c.Name }).FirstOrDefaultAsync();
            if (cohort is null) return Results.NotFound();
            var views = await SessionView.LoadAsync(db, cache, cohort.Id);
            PagesSetup.MarkPrivate(http.Response); // anyone holding the secret address may read it, nobody may cache it
            return Ics(CalendarBuilder.Build(cohort.Name, views, urls.Base), null);
        }).AllowAnonymous();

        app.MapGet("/cohorts/{cohortId:guid}/sessions/{sessionId:guid}/calendar.ics",
            async (Guid cohortId, Guid sessionId, KindlingDb db, LessonCache cache, CohortAccess access, HttpContext http, PublicUrls urls) =>
            {
                var membership = await access.FindAsync(cohortId, http.User);
                if (membership is null) return Results.NotFound();
                var view = (await SessionView.LoadAsync(db, cache, cohortId, sessionId)).FirstOrDefault();
                if (view is null) return Results.NotFound();
                return Ics(CalendarBuilder.Build(membership.Cohort.Name, [view], urls.Base), $"kindling-{view.Lesson.Slug}.ics");
            }).RequireAuthorization();
    }

    private static IResult Ics(string text, string? downloadName) =>
        downloadName is null
            ? Results.Text(text, "text/calendar; charset=utf-8")
            : Results.File(System.Text.Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", downloadName);
}
