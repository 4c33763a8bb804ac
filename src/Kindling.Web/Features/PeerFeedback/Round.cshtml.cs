using Kindling.Data;
using Kindling.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>One round for its facilitators: who reviews whose worksheet, and whether the feedback was given and
/// resolved (<see cref="PeerReviewQueries.PeerReviewStates"/>).</summary>
public class RoundModel(KindlingDb db) : CohortPageModel
{
    public sealed record Line(
        int Group,
        string Reviewer,
        string? ReviewerCohort,
        Guid WorksheetId,
        string Worksheet,
        string Project,
        string? WorksheetCohort,
        PeerReviewState State,
        DateTime? ReminderUtc
    );

    protected override bool FacilitatorsOnly => true;

    [FromRoute]
    public Guid RoundId { get; set; }
    public PeerRound Round { get; private set; } = null!;
    public string TemplateTitle { get; private set; } = "";
    public List<Line> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var round = await db
            .PeerRounds.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == RoundId && r.CohortId == CohortId);
        if (round is null)
            return NotFound();
        Round = round;
        TemplateTitle =
            await db
                .AssignmentTemplates.Where(t =>
                    t.CurriculumId == Access.Cohort.CurriculumId && t.Slug == round.TemplateSlug
                )
                .Select(t => t.Title)
                .FirstOrDefaultAsync()
            ?? round.TemplateSlug;
        var states = await db.PeerReviewStates(db.PeerReviews.Where(r => r.RoundId == RoundId)).ToListAsync();
        var reviews = await db
            .PeerReviews.Where(r => r.RoundId == RoundId)
            .Select(r => new
            {
                r.Id,
                r.GroupNumber,
                r.ReminderUtc,
                Reviewer = db.Users.Where(u => u.Id == r.ReviewerId).Select(u => u.DisplayName).First(),
                InCohort = db.CohortMembers.Any(m => m.CohortId == CohortId && m.UserId == r.ReviewerId),
            })
            .ToDictionaryAsync(r => r.Id);
        var sheetIds = states.Select(s => s.WorksheetId).Distinct().ToList();
        var sheets = await db
            .Worksheets.Where(w => sheetIds.Contains(w.Id))
            .Join(
                db.Projects,
                w => w.ProjectId,
                p => p.Id,
                (w, p) =>
                    new
                    {
                        w.Id,
                        w.Title,
                        w.CohortId,
                        Project = p.Name,
                        Cohort = db.Cohorts.Where(c => c.Id == w.CohortId).Select(c => c.Name).First(),
                    }
            )
            .ToDictionaryAsync(x => x.Id);
        Lines = states
            .Where(s => reviews.ContainsKey(s.ReviewId) && sheets.ContainsKey(s.WorksheetId))
            .Select(s =>
            {
                var r = reviews[s.ReviewId];
                var w = sheets[s.WorksheetId];
                return new Line(
                    r.GroupNumber,
                    r.Reviewer,
                    r.InCohort ? null : "another cohort",
                    w.Id,
                    w.Title,
                    w.Project,
                    w.CohortId == CohortId ? null : w.Cohort,
                    s,
                    r.ReminderUtc
                );
            })
            .OrderBy(l => l.Group)
            .ThenBy(l => l.Project)
            .ThenBy(l => l.Reviewer)
            .ToList();
        return Page();
    }
}
