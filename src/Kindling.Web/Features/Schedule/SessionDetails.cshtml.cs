using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Curricula;
using Kindling.Web.Infrastructure.Reads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Schedule;

public class SessionDetailsModel(KindlingDb db, LessonCache cache, ReadCache reads) : CohortPageModel
{
    [FromRoute]
    public Guid SessionId { get; set; }
    public SessionView? View { get; private set; }

    /// <summary>Once the session has ended (Features/FollowUp): its published notes and recording.</summary>
    public SessionWrapUp? WrapUp { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The same for every member: kept until a table it read is written (ReadCache).
        (View, WrapUp) = await reads.GetAsync(
            "session",
            "",
            (CohortId, SessionId),
            async () =>
                (
                    (await SessionView.LoadAsync(db, cache, CohortId, SessionId)).FirstOrDefault(),
                    await db.SessionWrapUps.AsNoTracking().FirstOrDefaultAsync(w => w.SessionId == SessionId)
                )
        );
        return View is null ? NotFound() : Page();
    }
}
