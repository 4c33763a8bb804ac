using Kindling.Data;
using Kindling.Web.Infrastructure.Reads;
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
        var access = services.GetRequiredService<CohortAccess>();
        var db = services.GetRequiredService<KindlingDb>();
        var userId = CohortAccess.UserId(User);
        // A page that only shows things may use the membership kept from an earlier page (ReadCache: until the
        // tables it came from are written); one that changes things reads it afresh, to change what it read.
        var (membership, zone) =
            userId is null ? (null, "UTC")
            : HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)
                ? await services
                    .GetRequiredService<ReadCache>()
                    .GetAsync("cohort-access", userId, id, () => FindAsync(access, db, id, userId))
            : await FindAsync(access, db, id, userId);
        var verdict = CohortRules.Judge(membership, need, beforeAcknowledgement: SkipsAcknowledgement);
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
        ViewerZone = zone;
        await next();
    }

    private static async Task<(Membership?, string)> FindAsync(
        CohortAccess access,
        KindlingDb db,
        Guid cohortId,
        string userId
    )
    {
        var membership = await access.FindAsync(cohortId, userId);
        if (membership is null)
            return (null, "UTC");
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZoneId).FirstAsync();
        return (membership, zone);
    }
}
