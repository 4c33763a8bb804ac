using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

public class SessionDetailsModel(KindlingDb db, LessonCache cache) : CohortPageModel
{
    [FromRoute]
    public Guid SessionId { get; set; }
    public SessionView? View { get; private set; }

    /// <summary>Once the session has ended (Features/FollowUp): its published notes and recording.</summary>
    public SessionWrapUp? WrapUp { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        View = (await SessionView.LoadAsync(db, cache, CohortId, SessionId)).FirstOrDefault();
        if (View is null)
            return NotFound();
        WrapUp = await db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == SessionId);
        return Page();
    }
}
