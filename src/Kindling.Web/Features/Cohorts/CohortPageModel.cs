using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kindling.Web.Features.Cohorts;

/// <summary>
/// Base for every page under /cohorts/{cohortId}: loads the membership before the handler runs, answers 404 to
/// outsiders, 403 to members lacking the role, and sends members who have not acknowledged the guidelines to do so first.
/// </summary>
public abstract class CohortPageModel : PageModel
{
    public Guid CohortId { get; private set; }
    public Membership Access { get; private set; } = null!;
    /// <summary>The signed-in person's own time zone: every time on a cohort page is shown in it.</summary>
    public string ViewerZone { get; private set; } = "UTC";
    protected virtual bool FacilitatorsOnly => false;
    protected virtual bool WritersOnly => false;
    protected virtual bool SkipsAcknowledgement => false;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!Guid.TryParse(context.RouteData.Values["cohortId"]?.ToString(), out var id)) { context.Result = NotFound(); return; }
        CohortId = id;
        var access = context.HttpContext.RequestServices.GetRequiredService<CohortAccess>();
        var membership = await access.FindAsync(CohortId, User);
        if (membership is null) { context.Result = NotFound(); return; }
        Access = membership;
        var db = context.HttpContext.RequestServices.GetRequiredService<Kindling.Data.KindlingDb>();
        ViewerZone = await db.Users.Where(u => u.Id == membership.Member.UserId).Select(u => u.TimeZoneId).FirstAsync();
        if (!SkipsAcknowledgement && !membership.HasAcknowledged)
        {
            context.Result = Redirect($"/cohorts/{CohortId}/welcome");
            return;
        }
        if ((FacilitatorsOnly && !membership.IsFacilitator) || (WritersOnly && !membership.CanWrite))
        {
            context.Result = StatusCode(403);
            return;
        }
        await next();
    }
}
