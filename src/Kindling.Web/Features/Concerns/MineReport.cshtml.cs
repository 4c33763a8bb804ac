using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>One of the member's own named reports: what the receipt page shows, reached without the link.</summary>
[EnableRateLimiting(Infrastructure.RateLimits.Send)]
public class MineReportModel(KindlingDb db, ConcernActions actions) : CohortPageModel
{
    [BindProperty]
    public string? Addition { get; set; }
    public ReporterView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid reportId)
    {
        var report = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        await ShowAsync(report);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid reportId)
    {
        var report = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        var problem = ConcernText.Problem(Addition, "Your addition", ConcernText.MaxLength, "Write what to add.");
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Addition), problem);
            await ShowAsync(report);
            return Page();
        }
        await actions.AddByReporterAsync(report, Addition!.Trim(), Access.Cohort.Name);
        TempData["Flash"] = "Added to your report. Its readers have been told.";
        return Redirect($"/cohorts/{CohortId}/concerns/mine/{reportId}");
    }

    private Task<ConcernReport?> FindAsync(Guid reportId)
    {
        var me = Access.Member.UserId;
        return db.ConcernReports.FirstOrDefaultAsync(r =>
            r.Id == reportId && r.CohortId == CohortId && r.ReporterId == me
        );
    }

    private async Task ShowAsync(ConcernReport report)
    {
        ViewData["ConcernLink"] = false;
        View = new ReporterView(await ConcernView.LoadAsync(db, report), ViewerZone, Addition);
    }
}
