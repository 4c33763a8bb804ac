using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Overview;

/// <summary>
/// The cohort's peer-feedback rounds and where each request stands, by the one rule for "given" and "resolved"
/// (<see cref="PeerReviewQueries"/>). A worksheet is named by its project's managers, never by its
/// title or content.
/// </summary>
public sealed class PeerTrackingQuery(KindlingDb db)
{
    public async Task<IReadOnlyList<PeerRoundView>> LoadAsync(Guid cohortId, IReadOnlyList<OverviewTemplate> templates)
    {
        var rounds = await db
            .PeerRounds.AsNoTracking()
            .Where(r => r.CohortId == cohortId)
            .OrderBy(r => r.CreatedUtc)
            .Select(r => new
            {
                r.Id,
                r.TemplateSlug,
                r.CreatedUtc,
                r.DueUtc,
            })
            .ToListAsync();
        if (rounds.Count == 0)
            return [];
        var ids = rounds.Select(r => r.Id).ToList();
        var states = (
            await db.PeerReviewStates(db.PeerReviews.Where(r => ids.Contains(r.RoundId))).ToListAsync()
        ).ToDictionary(s => s.ReviewId);
        var reviews = await db
            .PeerReviews.AsNoTracking()
            .Where(r => ids.Contains(r.RoundId))
            .Select(r => new
            {
                r.Id,
                r.RoundId,
                r.GroupNumber,
                r.WorksheetId,
                Reviewer = db.Users.Where(u => u.Id == r.ReviewerId).Select(u => u.DisplayName).FirstOrDefault(),
                SharedHere = db.Worksheets.Any(w =>
                    w.Id == r.WorksheetId && w.CohortId == cohortId && w.SharedUtc != null
                ),
            })
            .ToListAsync();
        var worksheetIds = reviews.Select(r => r.WorksheetId).Distinct().ToList();
        var owners = (
            await (
                from w in db.Worksheets
                where worksheetIds.Contains(w.Id)
                join m in db.ProjectMembers on w.ProjectId equals m.ProjectId
                orderby m.Role, m.AddedUtc
                select new { w.Id, m.User!.DisplayName }
            ).ToListAsync()
        ).ToLookup(o => o.Id, o => o.DisplayName);
        var titles = templates.ToDictionary(t => t.Slug, t => t.Title, StringComparer.Ordinal);
        return rounds
            .Select(round => new PeerRoundView(
                round.Id,
                titles.GetValueOrDefault(round.TemplateSlug, round.TemplateSlug),
                round.CreatedUtc,
                round.DueUtc,
                reviews
                    .Where(r => r.RoundId == round.Id)
                    .Select(r =>
                    {
                        var state = states.GetValueOrDefault(r.Id);
                        return new PeerRequestView(
                            r.GroupNumber,
                            r.Reviewer ?? "a former member",
                            owners[r.WorksheetId].Any() ? string.Join(", ", owners[r.WorksheetId]) : "a project",
                            r.SharedHere ? $"/cohorts/{cohortId}/worksheets/{r.WorksheetId}" : null,
                            state?.Given == true,
                            state?.Resolved == true,
                            state?.Comments ?? 0,
                            state?.OpenComments ?? 0
                        );
                    })
                    .OrderBy(r => r.Group)
                    .ThenBy(r => r.Reviewer, StringComparer.CurrentCultureIgnoreCase)
                    .ToList()
            ))
            .ToList();
    }
}
