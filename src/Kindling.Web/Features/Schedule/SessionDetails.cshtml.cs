using Kindling.Data;
using Kindling.Web.Features.Curricula;
using Microsoft.AspNetCore.Mvc;

namespace Kindling.Web.Features.Schedule;

public class SessionDetailsModel(KindlingDb db, LessonCache cache) : CohortPageModel
{
    [FromRoute]
    public Guid SessionId { get; set; }
    public SessionView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        View = (await SessionView.LoadAsync(db, cache, CohortId, SessionId)).FirstOrDefault();
        return View is null ? NotFound() : Page();
    }
}
