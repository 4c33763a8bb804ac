using System.Security.Claims;
using Kindling.Data;
using Kindling.Domain;
using Kindling.Web.Features.Cohorts;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Worksheets;

/// <summary>What one cohort member may do with one worksheet.</summary>
public sealed record WorksheetRights(Worksheet Worksheet, Project Project, bool IsManager, bool IsReviewer)
{
    /// <summary>Project managers (owner and co-managers) edit, share, restore and resolve comments.</summary>
    public bool CanEdit => IsManager;
    public bool CanComment => IsManager || IsReviewer;
    public bool IsShared => Worksheet.SharedUtc is not null;
}

/// <summary>
/// The privacy rule for worksheets in one place: a worksheet is visible to its project's managers, to the cohort members
/// they named as reviewers, and to the whole cohort once shared. Everyone else gets null, which pages answer with 404.
/// </summary>
public sealed class WorksheetAccess(KindlingDb db)
{
    public Task<bool> ManagesAsync(Guid projectId, string userId) =>
        db.ProjectMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == userId);

    /// <summary>The project if the member manages it (and it belongs to this cohort); otherwise null.</summary>
    public async Task<Project?> ManagedProjectAsync(Membership member, Guid projectId)
    {
        var project = await db.Projects.Include(p => p.Members).ThenInclude(m => m.User)
            .FirstOrDefaultAsync(p => p.Id == projectId && p.CohortId == member.Cohort.Id);
        return project is not null && project.Members.Any(m => m.UserId == member.Member.UserId) ? project : null;
    }

    public async Task<WorksheetRights?> FindAsync(Membership member, Guid worksheetId)
    {
        var worksheet = await db.Worksheets.FirstOrDefaultAsync(w => w.Id == worksheetId && w.CohortId == member.Cohort.Id);
        if (worksheet is null) return null;
        var userId = member.Member.UserId;
        var project = await db.Projects.Include(p => p.Members).ThenInclude(m => m.User).FirstAsync(p => p.Id == worksheet.ProjectId);
        var isManager = project.Members.Any(m => m.UserId == userId);
        var isReviewer = !isManager && await db.WorksheetReviewers.AnyAsync(r => r.WorksheetId == worksheetId && r.UserId == userId);
        if (!isManager && !isReviewer && worksheet.SharedUtc is null) return null;
        return new WorksheetRights(worksheet, project, isManager, isReviewer);
    }

    public static string? UserId(ClaimsPrincipal user) => CohortAccess.UserId(user);
}
