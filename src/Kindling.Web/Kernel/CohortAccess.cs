using System.Linq.Expressions;
using System.Security.Claims;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Kernel;

/// <summary>What one cohort address asks of the person: membership, a writing role, or facilitation.</summary>
public enum CohortNeed
{
    Member,
    Writer,
    Facilitator,
}

/// <summary>
/// The outcome of the cohort check: go ahead; "not found" for outsiders, so a cohort's existence does not leak;
/// "welcome" for members who have not acknowledged the guidelines yet; "forbidden" for members lacking the role;
/// "two-factor required" for a facilitator without two-factor sign-in in a cohort that asks for it.
/// </summary>
public enum CohortVerdict
{
    Allowed,
    NotFound,
    Welcome,
    Forbidden,
    TwoFactorRequired,
}

/// <summary>What the signed-in person is in one cohort.</summary>
/// <param name="TwoFactorEnabled">Whether the person's account signs in with a second factor.</param>
public sealed record Membership(Cohort Cohort, CohortMember Member, bool TwoFactorEnabled)
{
    public bool IsFacilitator => Member.Role == CohortRole.Facilitator;
    public bool CanWrite => Member.Role != CohortRole.Observer;
    public bool HasAcknowledged => CohortRules.IsAdmitted(Member);
}

/// <summary>The rules of cohort access, each written once, for queries and for objects alike.</summary>
public static class CohortRules
{
    /// <summary>A member takes part (pages, downloads, live room, lists of people) once they acknowledged the
    /// guidelines.</summary>
    public static readonly Expression<Func<CohortMember, bool>> Admitted = m => m.AcknowledgedUtc != null;
    private static readonly Func<CohortMember, bool> IsAdmittedCompiled = Admitted.Compile();

    public static bool IsAdmitted(CohortMember member) => IsAdmittedCompiled(member);

    public static IQueryable<CohortMember> WhereAdmitted(this IQueryable<CohortMember> members) =>
        members.Where(Admitted);

    /// <summary>
    /// A cohort may ask its facilitators to use two-factor sign-in
    /// (<see cref="Cohort.RequireTwoFactorForFacilitators"/>); a facilitator without it then enters none of the
    /// cohort: no page, no download, no live room.
    /// </summary>
    public static bool MeetsTwoFactorPolicy(bool cohortRequires, CohortRole role, bool twoFactorEnabled) =>
        !cohortRequires || role != CohortRole.Facilitator || twoFactorEnabled;

    /// <param name="beforeAcknowledgement">Only for the welcome page, where members acknowledge.</param>
    public static CohortVerdict Judge(Membership? membership, CohortNeed need, bool beforeAcknowledgement = false)
    {
        if (membership is null)
            return CohortVerdict.NotFound;
        if (
            !MeetsTwoFactorPolicy(
                membership.Cohort.RequireTwoFactorForFacilitators,
                membership.Member.Role,
                membership.TwoFactorEnabled
            )
        )
            return CohortVerdict.TwoFactorRequired;
        if (!beforeAcknowledgement && !membership.HasAcknowledged)
            return CohortVerdict.Welcome;
        var enough = need switch
        {
            CohortNeed.Facilitator => membership.IsFacilitator,
            CohortNeed.Writer => membership.CanWrite,
            _ => true,
        };
        return enough ? CohortVerdict.Allowed : CohortVerdict.Forbidden;
    }
}

/// <summary>
/// The one way into a cohort: pages (<see cref="CohortPageModel"/>), downloads and feeds
/// (<see cref="CohortEndpoints.MapCohortGroup"/>) and the live room (which loads its context through
/// <see cref="CohortRules.Admitted"/>) all ask here.
/// </summary>
public sealed class CohortAccess(KindlingDb db)
{
    public static string? UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>The person's membership whatever its state, or null when they are not a member.</summary>
    public async Task<Membership?> FindAsync(Guid cohortId, ClaimsPrincipal user)
    {
        var userId = UserId(user);
        return userId is null ? null : await FindAsync(cohortId, userId);
    }

    /// <summary>The membership of the person with this id, or null.</summary>
    public async Task<Membership?> FindAsync(Guid cohortId, string userId)
    {
        var found = await db
            .CohortMembers.Where(m => m.CohortId == cohortId && m.UserId == userId)
            .Select(m => new { Member = m, m.User!.TwoFactorEnabled })
            .FirstOrDefaultAsync();
        if (found is null)
            return null;
        var cohort = await db.Cohorts.Include(c => c.Curriculum).FirstAsync(c => c.Id == cohortId);
        return new Membership(cohort, found.Member, found.TwoFactorEnabled);
    }

    public async Task<(Membership? Membership, CohortVerdict Verdict)> CheckAsync(
        Guid cohortId,
        ClaimsPrincipal user,
        CohortNeed need,
        bool beforeAcknowledgement = false
    )
    {
        var membership = await FindAsync(cohortId, user);
        return (membership, CohortRules.Judge(membership, need, beforeAcknowledgement));
    }
}
