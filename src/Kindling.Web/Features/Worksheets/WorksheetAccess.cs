using System.Security.Claims;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets;

/// <summary>What one cohort member may do with one worksheet.</summary>
/// <param name="MayWrite">The reader takes part in the cohort (not an observer).</param>
public sealed record WorksheetRights(
    Worksheet Worksheet,
    Project Project,
    bool IsManager,
    bool IsReviewer,
    bool MayWrite
)
{
    /// <summary>Project managers (owner and co-managers) edit, share, restore and resolve comments.</summary>
    public bool CanEdit => IsManager;

    /// <summary>Managers, the reviewers they asked, and — once shared — every member who takes part in the
    /// cohort.</summary>
    public bool CanComment => IsManager || IsReviewer || (IsShared && MayWrite);
    public bool IsShared => Worksheet.SharedUtc is not null;
}

/// <summary>
/// The privacy rule for worksheets in one place: a worksheet is visible to its project's managers, to the cohort
/// members
/// they named as reviewers, and to the whole cohort once shared (its participants and facilitators may then comment;
/// observers read). Everyone else gets null, which pages answer with 404.
/// </summary>
public sealed class WorksheetAccess(KindlingDb db)
{
    public Task<bool> ManagesAsync(Guid projectId, string userId) =>
        db.ProjectMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == userId);

    /// <summary>The project if the member manages it (and it belongs to this cohort); otherwise null.</summary>
    public async Task<Project?> ManagedProjectAsync(Membership member, Guid projectId)
    {
        var project = await db
            .Projects.Include(p => p.Members)
                .ThenInclude(m => m.User)
            .FirstOrDefaultAsync(p => p.Id == projectId && p.CohortId == member.Cohort.Id);
        return project is not null && project.Members.Any(m => m.UserId == member.Member.UserId) ? project : null;
    }

    /// <summary>
    /// The worksheets the member may read from this cohort: the rule every page and list goes through. Besides the
    /// cohort's own, a shared worksheet of another cohort of the same curriculum is read from here, their own cohort,
    /// when a peer feedback round across cohorts named them its reviewer, for as long as its managers keep agreeing to
    /// feedback from other cohorts (<see cref="CohortMember.PeerFeedbackAcrossCohorts"/>).
    /// </summary>
    public IQueryable<Worksheet> VisibleTo(Membership member)
    {
        var userId = member.Member.UserId;
        var curriculumId = member.Cohort.CurriculumId;
        return db.Worksheets.Where(w =>
            (
                w.CohortId == member.Cohort.Id
                && (
                    w.SharedUtc != null
                    || db.ProjectMembers.Any(m => m.ProjectId == w.ProjectId && m.UserId == userId)
                    || db.WorksheetReviewers.Any(r => r.WorksheetId == w.Id && r.UserId == userId)
                )
            )
            || (
                w.CohortId != member.Cohort.Id
                && w.SharedUtc != null
                && db.WorksheetReviewers.Any(r => r.WorksheetId == w.Id && r.UserId == userId)
                && db.PeerReviews.Any(p =>
                    p.WorksheetId == w.Id
                    && p.ReviewerId == userId
                    && db.PeerRounds.Any(r => r.Id == p.RoundId && r.AcrossCohorts)
                )
                && db.Cohorts.Any(c => c.Id == w.CohortId && c.CurriculumId == curriculumId)
                && !db.CohortMembers.Any(m => m.CohortId == w.CohortId && m.UserId == userId)
                // while every manager still agrees to feedback from other cohorts
                && !db.ProjectMembers.Any(pm =>
                    pm.ProjectId == w.ProjectId
                    && db.CohortMembers.Any(m =>
                        m.CohortId == w.CohortId && m.UserId == pm.UserId && !m.PeerFeedbackAcrossCohorts
                    )
                )
            )
        );
    }

    public async Task<WorksheetRights?> FindAsync(Membership member, Guid worksheetId)
    {
        var worksheet = await VisibleTo(member).FirstOrDefaultAsync(w => w.Id == worksheetId);
        if (worksheet is null)
            return null;
        var userId = member.Member.UserId;
        var project = await db
            .Projects.Include(p => p.Members)
                .ThenInclude(m => m.User)
            .FirstAsync(p => p.Id == worksheet.ProjectId);
        var isManager = project.Members.Any(m => m.UserId == userId);
        var isReviewer =
            !isManager && await db.WorksheetReviewers.AnyAsync(r => r.WorksheetId == worksheetId && r.UserId == userId);
        return new WorksheetRights(worksheet, project, isManager, isReviewer, member.CanWrite);
    }

    public static string? UserId(ClaimsPrincipal user) => CohortAccess.UserId(user);
}
