using System.Security.Claims;
using Kindling.Data;
using Kindling.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kindling.Web.Features.LiveSession;

/// <summary>Who is acting in which live session; loaded from the database on every command so removed members and
/// changed roles apply at once.</summary>
/// <remarks><see cref="SecurityStamp"/> is the account's current stamp: a connection whose sign-in carries another one
/// is stale.</remarks>
public sealed record LiveContext(
    Guid SessionId,
    Guid CohortId,
    string UserId,
    string UserName,
    CohortRole Role,
    bool FacilitatorsSeeAnonymousAuthors,
    RecordingPolicy Recording,
    string Title,
    DateTime StartsUtc = default,
    string? SecurityStamp = null
)
{
    public bool IsFacilitator => Role == CohortRole.Facilitator;
    public bool CanWrite => Role != CohortRole.Observer;

    /// <summary>Whether a sign-in (e.g. the one a hub connection was opened with) is still valid for this account: same
    /// security stamp.</summary>
    public bool IsSignedInAs(ClaimsPrincipal? user, string stampClaimType) =>
        SecurityStamp is not null && user?.FindFirst(stampClaimType)?.Value == SecurityStamp;

    public static async Task<LiveContext?> LoadAsync(KindlingDb db, Guid sessionId, string? userId)
    {
        if (userId is null)
            return null;
        // The cohort rules every page and download goes through too: an admitted member of the session's cohort,
        // with two-factor sign-in if the cohort asks it of facilitators.
        var found = await db
            .CohortMembers.WhereAdmitted()
            .Where(m => m.UserId == userId)
            .Join(
                db.Sessions.Where(s => s.Id == sessionId),
                m => m.CohortId,
                s => s.CohortId,
                (m, s) =>
                    new
                    {
                        Context = new LiveContext(
                            s.Id,
                            s.CohortId,
                            m.UserId,
                            m.User!.DisplayName,
                            m.Role,
                            s.Cohort!.FacilitatorsSeeAnonymousAuthors,
                            s.Recording,
                            s.LessonVersion != null ? s.LessonVersion.Title : s.Lesson!.Title,
                            s.StartsUtc,
                            m.User!.SecurityStamp
                        ),
                        s.Cohort!.RequireTwoFactorForFacilitators,
                        m.User!.TwoFactorEnabled,
                    }
            )
            .FirstOrDefaultAsync();
        return
            found is not null
            && CohortRules.MeetsTwoFactorPolicy(
                found.RequireTwoFactorForFacilitators,
                found.Context.Role,
                found.TwoFactorEnabled
            )
            ? found.Context
            : null;
    }
}

public static class LiveGroups
{
    public static string Session(Guid sessionId) => $"live:{sessionId}";

    public static string Person(Guid sessionId, string userId) => $"live:{sessionId}:u:{userId}";
}
