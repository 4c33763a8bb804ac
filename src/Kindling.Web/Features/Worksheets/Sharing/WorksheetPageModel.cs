using Kindling.Web.Features.Cohorts;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Kindling.Web.Features.Worksheets.Sharing;

/// <summary>Base for pages under /cohorts/{c}/worksheets/{w}: loads the reader's rights; 404 when the worksheet is not theirs to see.</summary>
public abstract class WorksheetPageModel : CohortPageModel
{
    public WorksheetRights Rights { get; private set; } = null!;
    /// <summary>Which readers the page is for; the others get 404 so a private worksheet's existence does not leak.</summary>
    protected virtual bool Allows(WorksheetRights rights) => true;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        await base.OnPageHandlerExecutionAsync(context, async () =>
        {
            var access = context.HttpContext.RequestServices.GetRequiredService<WorksheetAccess>();
            if (!Guid.TryParse(context.RouteData.Values["worksheetId"]?.ToString(), out var id)
                || await access.FindAsync(Access, id) is not { } rights || !Allows(rights))
            {
                context.Result = NotFound();
                return null!;
            }
            Rights = rights;
            return await next();
        });
}
