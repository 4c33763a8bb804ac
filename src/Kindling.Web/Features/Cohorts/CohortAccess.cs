using System.Security.Claims;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.Cohorts;

/// <summary>What the signed-in person is in one cohort. Null means "not a member": pages answer 404 so a cohort's existence does not leak.</summary>
public sealed record Membership(Cohort Cohort, CohortMember Member)
{
    public bool IsFacilitator => Member.Role == CohortRole.Facilitator;
    public bool CanWrite => Member.Role != CohortRole.Observer;
    public bool HasAcknowledged => Member.AcknowledgedUtc is not null;
}

public sealed class CohortAccess(KindlingDb db)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<Membership?> FindAsync(Guid cohortId, ClaimsPrincipal user)
    {
        var userId = UserId(user);
        if (userId is null) return null;
        var member = await db.CohortMembers.FirstOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId);
        if (member is null) return null;
        var cohort = await db.Cohorts.Include(c => c.Curriculum).FirstAsync(c => c.Id == cohortId);
        return new Membership(cohort, member);
    }
}
