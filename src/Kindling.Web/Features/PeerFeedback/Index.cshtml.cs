using Kindling.Data;
using Kindling.Web.Features.Worksheets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>Peer feedback in a cohort: your own requests and whether you exchange across cohorts; for facilitators,
/// the rounds arranged and how far each has got.</summary>
public class IndexModel(KindlingDb db, WorksheetAccess access) : CohortPageModel
{
    public sealed record RoundRow(
        Guid Id,
        string Template,
        string Mode,
        bool Across,
        DateTime CreatedUtc,
        DateTime? DueUtc,
        int Requests,
        int Given,
        int Resolved
    );

    public sealed record RequestRow(
        Guid WorksheetId,
        string Title,
        string Project,
        DateTime? DueUtc,
        bool Given,
        bool Resolved
    );

    public List<RoundRow> Rounds { get; private set; } = [];
    public List<RequestRow> Requests { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = Access.Member.UserId;
        var mine = await db.PeerReviewStates(db.PeerReviews.Where(r => r.ReviewerId == me)).ToListAsync();
        var ids = mine.Select(s => s.WorksheetId).ToList();
        // Only the worksheets this person reads from this cohort (a request from another cohort shows there).
        var sheets = await access
            .VisibleTo(Access)
            .Where(w => ids.Contains(w.Id))
            .Join(
                db.Projects,
                w => w.ProjectId,
                p => p.Id,
                (w, p) =>
                    new
                    {
                        w.Id,
                        w.Title,
                        Project = p.Name,
                    }
            )
            .ToDictionaryAsync(x => x.Id);
        var roundIds = mine.Select(s => s.RoundId).Distinct().ToList();
        var rounds = await db
            .PeerRounds.Where(r => roundIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.DueUtc);
        Requests = mine.Where(s => sheets.ContainsKey(s.WorksheetId))
            .OrderBy(s => s.Given)
            .ThenBy(s => sheets[s.WorksheetId].Project)
            .Select(s => new RequestRow(
                s.WorksheetId,
                sheets[s.WorksheetId].Title,
                sheets[s.WorksheetId].Project,
                rounds.GetValueOrDefault(s.RoundId),
                s.Given,
                s.Resolved
            ))
            .ToList();
        if (Access.IsFacilitator)
            await LoadRoundsAsync();
    }

    public async Task<IActionResult> OnPostAcrossAsync(bool on)
    {
        if (!Access.CanWrite)
            return StatusCode(403);
        var me = Access.Member.UserId;
        await db
            .CohortMembers.Where(m => m.CohortId == CohortId && m.UserId == me)
            .ExecuteUpdateAsync(x => x.SetProperty(m => m.PeerFeedbackAcrossCohorts, on));
        TempData["Flash"] = on
            ? "You exchange peer feedback across cohorts: facilitators may pair your shared worksheets with people of "
                + "other cohorts of this curriculum."
            : "You exchange peer feedback only within this cohort; people of other cohorts can no longer open your "
                + "worksheets.";
        return Redirect($"/cohorts/{CohortId}/peer-feedback");
    }

    private async Task LoadRoundsAsync()
    {
        var rounds = await db
            .PeerRounds.Where(r => r.CohortId == CohortId)
            .OrderByDescending(r => r.CreatedUtc)
            .ToListAsync();
        var ids = rounds.Select(r => r.Id).ToList();
        var states = (
            await db.PeerReviewStates(db.PeerReviews.Where(r => ids.Contains(r.RoundId))).ToListAsync()
        ).ToLookup(s => s.RoundId);
        var titles = await db
            .AssignmentTemplates.Where(t => t.CurriculumId == Access.Cohort.CurriculumId)
            .ToDictionaryAsync(t => t.Slug, t => t.Title);
        Rounds = rounds
            .Select(r => new RoundRow(
                r.Id,
                titles.GetValueOrDefault(r.TemplateSlug, r.TemplateSlug),
                r.Mode,
                r.AcrossCohorts,
                r.CreatedUtc,
                r.DueUtc,
                states[r.Id].Count(),
                states[r.Id].Count(s => s.Given),
                states[r.Id].Count(s => s.Resolved)
            ))
            .ToList();
    }
}
