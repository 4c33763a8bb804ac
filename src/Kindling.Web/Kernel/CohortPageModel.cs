using Kindling.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Kernel;

/// <summary>
/// Base for every page under /cohorts/{cohortId}: runs the cohort check (<see cref="CohortAccess"/>) before the
/// handler: 404 to outsiders, 403 to members lacking the role, members who have not acknowledged the guidelines
/// are sent to do so first, and facilitators the cohort asks for two-factor sign-in are sent to set it up.
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

    public override async Task OnPageHandlerExecutionAsync(
        PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next
    )
    {
        if (!Guid.TryParse(context.RouteData.Values["cohortId"]?.ToString(), out var id))
        {
            context.Result = NotFound();
            return;
        }
        CohortId = id;
        var services = context.HttpContext.RequestServices;
        var need =
            FacilitatorsOnly ? CohortNeed.Facilitator
            : WritersOnly ? CohortNeed.Writer
            : CohortNeed.Member;
        var (membership, verdict) = await services
            .GetRequiredService<CohortAccess>()
            .CheckAsync(id, User, need, beforeAcknowledgement: SkipsAcknowledgement);
        context.Result = verdict switch
        {
            CohortVerdict.NotFound => NotFound(),
            CohortVerdict.Welcome => Redirect($"/cohorts/{CohortId}/welcome"),
            CohortVerdict.Forbidden => StatusCode(403),
            CohortVerdict.TwoFactorRequired => Redirect("/account/two-factor"),
            _ => null,
        };
        if (context.Result is not null)
            return;
        Access = membership!;
        ViewerZone = await services
            .GetRequiredService<KindlingDb>()
            .Users.Where(u => u.Id == membership!.Member.UserId)
            .Select(u => u.TimeZoneId)
            .FirstAsync();
        await next();
    }
}
