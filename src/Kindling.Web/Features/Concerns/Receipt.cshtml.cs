using Kindling.Data;
using Kindling.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// The reporter's receipt page, open to whoever holds the link, signed in or not: status, replies, and a form to add
/// to the report. It records nothing about who opens it.
/// </summary>
[EnableRateLimiting(RateLimits.Send)]
public class ReceiptModel(KindlingDb db, ConcernActions actions) : PageModel
{
    public static string Path(string token) => $"/concerns/receipt/{token}";

    [BindProperty]
    public string? Addition { get; set; }
    public ReporterView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        PagesSetup.MarkPrivate(Response);
        var report = await FindAsync(token);
        if (report is null)
            return NotFound();
        await ShowAsync(report);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(string token)
    {
        PagesSetup.MarkPrivate(Response);
        var report = await FindAsync(token);
        if (report is null)
            return NotFound();
        var problem = ConcernText.Problem(Addition, "Your addition", ConcernText.MaxLength, "Write what to add.");
        if (problem is not null)
        {
            ModelState.AddModelError(nameof(Addition), problem);
            await ShowAsync(report);
            return Page();
        }
        var cohort = await db.Cohorts.Where(c => c.Id == report.CohortId).Select(c => c.Name).FirstAsync();
        await actions.AddByReporterAsync(report, Addition!.Trim(), cohort);
        TempData["Flash"] = "Added to your report. Its readers have been told.";
        return Redirect(Path(token));
    }

    private Task<Kindling.Domain.ConcernReport?> FindAsync(string token)
    {
        if (!ReceiptTokens.LooksValid(token))
            return Task.FromResult<Kindling.Domain.ConcernReport?>(null);
        var hash = ReceiptTokens.Hash(token);
        return db.ConcernReports.FirstOrDefaultAsync(r => r.ReceiptHash == hash);
    }

    private async Task ShowAsync(Kindling.Domain.ConcernReport report)
    {
        ViewData["ConcernLink"] = false;
        var view = await ConcernView.LoadAsync(db, report);
        View = new ReporterView(view, view.CohortZone, Addition);
    }
}
