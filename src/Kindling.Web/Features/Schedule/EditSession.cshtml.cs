using Kindling.Data;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

public class EditSessionModel(KindlingDb db, LessonVersions versions, TimeProvider clock)
    : SessionFormModel(db, versions)
{
    [FromRoute]
    public Guid SessionId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var s = await Db.Sessions.FirstOrDefaultAsync(x => x.Id == SessionId && x.CohortId == CohortId);
        if (s is null)
            return NotFound();
        await LoadLessonsAsync();
        var local = TimeZones.ToLocal(s.StartsUtc, Access.Cohort.TimeZoneId);
        Input = new SessionInput
        {
            LessonId = s.LessonId,
            Date = DateOnly.FromDateTime(local),
            Time = TimeOnly.FromDateTime(local),
            PresentationMinutes = s.PresentationMinutes,
            DiscussionMinutes = s.DiscussionMinutes,
            JoinUrl = s.JoinUrl,
            NotesUrl = s.NotesUrl,
            SlidesUrl = s.SlidesUrl,
            Recording = s.Recording,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var s = await Db.Sessions.FirstOrDefaultAsync(x => x.Id == SessionId && x.CohortId == CohortId);
        if (s is null)
            return NotFound();
        await LoadLessonsAsync();
        if (!await TryApplyAsync(s, clock.GetUtcNow().UtcDateTime, isNew: false))
            return Page();
        await Db.SaveChangesAsync();
        TempData["Flash"] = "Session updated.";
        return Redirect($"/cohorts/{CohortId}/sessions/{SessionId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var s = await Db.Sessions.FirstOrDefaultAsync(x => x.Id == SessionId && x.CohortId == CohortId);
        if (s is null)
            return NotFound();
        Db.Sessions.Remove(s);
        await Db.SaveChangesAsync();
        TempData["Flash"] = "Session deleted.";
        return Redirect($"/cohorts/{CohortId}");
    }
}
