using System.Globalization;
using System.Text;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Charter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Concerns;

/// <summary>
/// A report for its readers (<see cref="ConcernReaders"/>; 404 for everyone else): what was reported, the status
/// steps, notes among readers, replies to the reporter, exports, and the audit trail of all of it.
/// </summary>
[EnableRateLimiting(Infrastructure.RateLimits.Send)] // replies and notes send mail
public class ReportModel(KindlingDb db, ConcernReaders readers, ConcernActions actions) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }
    public ConcernView View { get; private set; } = null!;
    public string Zone { get; private set; } = "UTC";

    /// <summary>Which form the last post came from, to show its text and message beside it.</summary>
    public string? Posted { get; private set; }

    public string Time(DateTime utc) => Infrastructure.TimeZones.Format(utc, Zone);

    public async Task<IActionResult> OnGetAsync(Guid reportId)
    {
        var (report, _) = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        return await ShowAsync(report);
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid reportId, string? to)
    {
        var (report, me) = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        if (!ConcernWorkflow.TryParse(to, out var status))
            return await ProblemAsync(report, "Status", "Choose one of the status buttons; nothing changed.");
        var problem = await actions.ChangeStatusAsync(report, status, me);
        if (problem is not null)
            return await ProblemAsync(report, "Status", problem);
        return Done(reportId, $"The report is now {ConcernWorkflow.Label(status).ToLowerInvariant()}.");
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid reportId)
    {
        var (report, me) = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        if (ConcernText.Problem(Text, "The note", ConcernText.MaxLength, "Write the note.") is { } problem)
            return await ProblemAsync(report, "Note", problem);
        await actions.NoteAsync(report, Text!.Trim(), me);
        return Done(reportId, "Note added. Only the report's readers see it.");
    }

    public async Task<IActionResult> OnPostReplyAsync(Guid reportId)
    {
        var (report, me) = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        if (ConcernText.Problem(Text, "The reply", ConcernText.MaxLength, "Write the reply.") is { } problem)
            return await ProblemAsync(report, "Reply", problem);
        var cohort = await db.Cohorts.Where(c => c.Id == report.CohortId).Select(c => c.Name).FirstAsync();
        await actions.ReplyAsync(report, Text!.Trim(), me, cohort);
        return Done(
            reportId,
            report.Anonymous
                ? "Reply sent. The reporter reads it on their receipt page."
                : "Reply sent. The reporter was told in Kindling and by e-mail."
        );
    }

    public async Task<IActionResult> OnPostExportAsync(Guid reportId, string? format)
    {
        var (report, me) = await FindAsync(reportId);
        if (report is null)
            return NotFound();
        if (format is not ("md" or "pdf"))
            return await ProblemAsync(report, "Export", "Choose Markdown or PDF.");
        await actions.ExportedAsync(report, format == "md" ? "Markdown" : "PDF", me);
        var view = await ConcernView.LoadAsync(db, report);
        var day = report.FiledUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = $"concern-{day}-{report.Id.ToString()[..8]}.{format}";
        return format == "md"
            ? File(Encoding.UTF8.GetBytes(ConcernMarkdown.Write(view)), CharterSetup.Markdown, name)
            : File(ConcernPdf.Write(view), CharterSetup.Pdf, name);
    }

    private async Task<(ConcernReport? Report, ConcernActor Me)> FindAsync(Guid reportId)
    {
        var id = CohortAccess.UserId(User)!;
        var me = await db.Users.Where(u => u.Id == id).Select(u => new { u.DisplayName, u.TimeZoneId }).FirstAsync();
        Zone = me.TimeZoneId;
        var report = await (await readers.ReadableAsync(id)).FirstOrDefaultAsync(r => r.Id == reportId);
        return (report, new ConcernActor(id, me.DisplayName));
    }

    private async Task<IActionResult> ShowAsync(ConcernReport report)
    {
        View = await ConcernView.LoadAsync(db, report);
        return Page();
    }

    private Task<IActionResult> ProblemAsync(ConcernReport report, string form, string message)
    {
        Posted = form;
        ModelState.AddModelError(form, message);
        return ShowAsync(report);
    }

    private RedirectResult Done(Guid reportId, string flash)
    {
        TempData["Flash"] = flash;
        return Redirect($"/concerns/{reportId}");
    }
}
