using Kindling.Data;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.PeerFeedback;

/// <summary>
/// Where a reviewer opens a worksheet: in the worksheet's cohort when they are a member of it, otherwise in their own
/// cohort of the same curriculum (a reviewer from another cohort reads it there, see
/// <see cref="Worksheets.WorksheetAccess.VisibleTo"/>).
/// </summary>
public static class ReviewerCohort
{
    public static async Task<Guid?> ForAsync(KindlingDb db, string reviewerId, Guid worksheetCohortId)
    {
        if (await db.CohortMembers.AnyAsync(m => m.CohortId == worksheetCohortId && m.UserId == reviewerId))
            return worksheetCohortId;
        var curriculum = db.Cohorts.Where(c => c.Id == worksheetCohortId).Select(c => c.CurriculumId);
        return await db
            .CohortMembers.Where(m => m.UserId == reviewerId)
            .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => c)
            .Where(c => curriculum.Contains(c.CurriculumId))
            .OrderBy(c => c.Name)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync();
    }

    public static string WorksheetLink(Guid cohortId, Guid worksheetId) =>
        $"/cohorts/{cohortId}/worksheets/{worksheetId}";
}
