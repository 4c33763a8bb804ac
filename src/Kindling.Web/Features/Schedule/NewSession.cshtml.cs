using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

public class NewSessionModel(KindlingDb db, LessonVersions versions, TimeProvider clock)
    : SessionFormModel(db, versions)
{
    public async Task OnGetAsync()
    {
        await LoadLessonsAsync();
        // Suggest the next lesson not yet scheduled, a week after the last session.
        var scheduled = await Db.Sessions.Where(s => s.CohortId == CohortId).OrderBy(s => s.StartsUtc).ToListAsync();
        Input.LessonId =
            Lessons.FirstOrDefault(l => scheduled.All(s => s.LessonId != l.Id))?.Id ?? Lessons.FirstOrDefault()?.Id;
        if (scheduled.LastOrDefault() is { } last)
        {
            var local = Infrastructure.TimeZones.ToLocal(last.StartsUtc.AddDays(7), Access.Cohort.TimeZoneId);
            (Input.Date, Input.Time) = (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
            Input.JoinUrl = last.JoinUrl;
            Input.Recording = last.Recording;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadLessonsAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new Session { CohortId = CohortId, CreatedUtc = now };
        if (!await TryApplyAsync(session, now, isNew: true))
            return Page();
        Db.Sessions.Add(session);
        await Db.SaveChangesAsync();
        TempData["Flash"] = "Session scheduled.";
        return Redirect($"/cohorts/{CohortId}/sessions/{session.Id}");
    }
}
